package org.reprodiff.ui.runs;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.reprodiff.ui.common.Styles;

/**
 * The bar below the runs: while importing, a progress bar, what is being read, the time left and Cancel;
 * otherwise what the last import did, how many runs are shown, or the error that stopped it.
 */
final class ImportStatusBar extends HBox {

    ImportStatusBar(RunsViewModel model) {
        super(10);
        getStyleClass().add(Styles.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.managedProperty().bind(model.busyProperty());
        bar.setPrefWidth(200);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label eta = new Label();
        eta.getStyleClass().add(Styles.ETA);
        eta.textProperty().bind(model.etaProperty());
        eta.setMinWidth(Label.USE_PREF_SIZE);
        Button cancel = new Button("_Cancel");
        cancel.setCancelButton(false);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        Label shown = new Label();
        shown.textProperty().bind(model.shownProperty());
        shown.setMinWidth(Label.USE_PREF_SIZE);
        shown.visibleProperty().bind(Bindings.not(model.busyProperty()));
        shown.managedProperty().bind(shown.visibleProperty());
        getChildren().addAll(bar, error, status, eta, cancel, shown);
    }
}
