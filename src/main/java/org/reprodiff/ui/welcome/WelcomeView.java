package org.reprodiff.ui.welcome;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.reprodiff.ui.common.Styles;

/**
 * Shown while no project is open: open a folder, open the sample project, or pick a recent project (double
 * click or Enter). A recent project whose folder is gone is greyed and says so; its context menu removes it.
 */
public final class WelcomeView extends StackPane {
    private final ListView<WelcomeViewModel.RecentProject> list = new ListView<>();
    private final Button openFolder = new Button("_Open Folder…");

    public WelcomeView(WelcomeViewModel model, Runnable onChooseFolder, Consumer<Path> onOpen, Consumer<String> onForget) {
        getStyleClass().add(Styles.WELCOME_VIEW);
        Label title = new Label("Reprodiff");
        title.getStyleClass().add(Styles.WELCOME_TITLE);
        Label tagline = new Label("Two runs that should be the same gave different results? See exactly what changed.");
        tagline.getStyleClass().add(Styles.MUTED);
        tagline.setWrapText(true);

        openFolder.getStyleClass().add(Styles.PRIMARY);
        openFolder.setOnAction(e -> onChooseFolder.run());
        openFolder.setMaxWidth(Double.MAX_VALUE);
        Button sample = new Button("Open the _Sample Project");
        sample.setOnAction(e -> onOpen.accept(model.sampleProject()));
        sample.setDisable(!model.sampleAvailable());
        sample.setMaxWidth(Double.MAX_VALUE);
        Label drop = new Label("…or drop a project folder onto this window.");
        drop.getStyleClass().add(Styles.MUTED);
        VBox actions = new VBox(8, openFolder, sample, drop);
        actions.setMinWidth(220);

        Label recentTitle = new Label("Recent projects");
        recentTitle.getStyleClass().add(Styles.SECTION_TITLE);
        list.getStyleClass().add(Styles.RECENT_LIST);
        list.setItems(model.recent());
        list.setPrefHeight(260);
        list.setPrefWidth(420);
        Label none = new Label("No recent projects yet.");
        none.getStyleClass().add(Styles.MUTED);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new RecentCell());
        Runnable openSelected = () -> {
            WelcomeViewModel.RecentProject p = list.getSelectionModel().getSelectedItem();
            if (p != null && p.exists()) {
                onOpen.accept(p.path());
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
                e.consume();
            }
        });
        MenuItem open = new MenuItem("_Open");
        open.setOnAction(e -> openSelected.run());
        MenuItem forget = new MenuItem("_Remove from Recent Projects");
        forget.setOnAction(e -> {
            WelcomeViewModel.RecentProject p = list.getSelectionModel().getSelectedItem();
            if (p != null) {
                onForget.accept(p.path().toString());
            }
        });
        list.setContextMenu(new ContextMenu(open, forget));
        VBox recentBox = new VBox(6, recentTitle, list);

        Label notice = new Label();
        notice.getStyleClass().add(Styles.NOTICE);
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMaxWidth(700);

        HBox columns = new HBox(28, actions, recentBox);
        VBox card = new VBox(14, title, tagline, notice, columns);
        card.getStyleClass().add(Styles.WELCOME_CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setFillWidth(true);
        tagline.maxWidthProperty().bind(columns.widthProperty());
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        list.disableProperty().bind(Bindings.isEmpty(model.recent()));
    }

    /** Gives the keyboard focus to the most useful control. */
    public void focusDefault() {
        if (!list.getItems().isEmpty() && list.getItems().get(0).exists()) {
            list.requestFocus();
            list.getSelectionModel().select(0);
        } else {
            openFolder.requestFocus();
        }
    }

    private static final class RecentCell extends ListCell<WelcomeViewModel.RecentProject> {
        @Override
        protected void updateItem(WelcomeViewModel.RecentProject p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().remove(Styles.RECENT_MISSING);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.RUN_NAME);
            Label path = new Label(p.exists() ? p.path().toString() : p.path() + " (folder not found)");
            path.getStyleClass().add(Styles.MUTED);
            setGraphic(new VBox(1, name, path));
            setText(null);
            if (!p.exists()) {
                getStyleClass().add(Styles.RECENT_MISSING);
            }
        }
    }
}
