package org.reprodiff.ui.about;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reprodiff.ui.common.Columns;
import org.reprodiff.ui.common.Styles;

/** Help ▸ About: the version, the licence and the libraries used with their licences. */
public final class AboutDialog extends Dialog<Void> {

    /** @param icon the app icon to show, or null */
    public AboutDialog(Window owner, Image icon) {
        initOwner(owner);
        setTitle("About Reprodiff");
        getDialogPane().getStyleClass().add(Styles.ABOUT_VIEW);
        Label name = new Label("Reprodiff " + AboutInfo.version());
        name.getStyleClass().add(Styles.WELCOME_TITLE);
        Label what = new Label("Diff two ML runs: what changed, and why the results differ.");
        Label licence = new Label(AboutInfo.LICENCE + " · " + AboutInfo.COPYRIGHT);
        licence.getStyleClass().add(Styles.MUTED);
        Label java = new Label("Java " + System.getProperty("java.version") + " · JavaFX "
                + System.getProperty("javafx.runtime.version", "?"));
        java.getStyleClass().add(Styles.MUTED);
        VBox text = new VBox(4, name, what, licence, java);
        HBox head = new HBox(16, text);
        if (icon != null) {
            ImageView view = new ImageView(icon);
            view.setFitWidth(64);
            view.setFitHeight(64);
            view.setPreserveRatio(true);
            head.getChildren().add(0, view);
        }

        TableView<AboutInfo.Library> libraries = new TableView<>();
        libraries.getItems().setAll(AboutInfo.LIBRARIES);
        libraries.getColumns().add(Columns.text("Library", 220, AboutInfo.Library::name));
        libraries.getColumns().add(Columns.text("Version", 90, AboutInfo::versionOf));
        libraries.getColumns().add(Columns.text("Licence", 200, AboutInfo.Library::licence));
        libraries.getColumns().add(Columns.text("Web site", 240, AboutInfo.Library::url));
        libraries.setPrefHeight(300);
        TextArea licenceText = new TextArea(AboutInfo.licenceText());
        licenceText.setEditable(false);
        licenceText.setWrapText(true);
        TabPane tabs = new TabPane(new Tab("Libraries", libraries), new Tab("Licence", licenceText));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox content = new VBox(14, head, tabs);
        content.setPadding(new Insets(14));
        content.setPrefWidth(800);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
