package org.reprodiff.ui.prefs;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.reprodiff.service.Preferences;
import org.reprodiff.ui.common.Styles;

/**
 * Edit ▸ Preferences…: metric tolerances, parameter ignore rules and the theme. Returns the edited preferences,
 * or nothing when cancelled. OK stays disabled while a tolerance is not a number of 0 or more.
 */
public final class PreferencesDialog extends Dialog<Preferences> {
    private static final ButtonType DEFAULTS = new ButtonType("Restore _Defaults", ButtonBar.ButtonData.LEFT);

    public PreferencesDialog(Window owner, PreferencesViewModel model) {
        initOwner(owner);
        setTitle("Preferences");
        setHeaderText("Comparison and appearance");
        getDialogPane().getStyleClass().add(Styles.PREFERENCES_VIEW);

        TextField rtol = new TextField();
        rtol.textProperty().bindBidirectional(model.rtolProperty());
        rtol.setPrefColumnCount(10);
        TextField atol = new TextField();
        atol.textProperty().bindBidirectional(model.atolProperty());
        atol.setPrefColumnCount(10);
        TextArea ignore = new TextArea();
        ignore.textProperty().bindBidirectional(model.ignoreProperty());
        ignore.setPrefRowCount(5);
        ignore.setPrefColumnCount(30);
        ignore.setPromptText("one glob per line, e.g. trainer.logger.*");
        RadioButton light = new RadioButton("_Light");
        RadioButton dark = new RadioButton("Dar_k");
        ToggleGroup theme = new ToggleGroup();
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        dark.setSelected(model.darkProperty().get());
        light.setSelected(!model.darkProperty().get());
        dark.selectedProperty().addListener((o, a, b) -> model.darkProperty().set(b));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.add(section("Metric tolerance"), 0, row++, 2, 1);
        grid.add(mnemonicLabel("_Relative (rtol):", rtol), 0, row);
        grid.add(rtol, 1, row++);
        grid.add(mnemonicLabel("_Absolute (atol):", atol), 0, row);
        grid.add(atol, 1, row++);
        Label rule = new Label("Values a and b differ when |a − b| > atol + rtol · max(|a|, |b|). Applies to new comparisons.");
        rule.getStyleClass().add(Styles.MUTED);
        grid.add(rule, 0, row++, 2, 1);
        grid.add(section("Ignored parameters"), 0, row++, 2, 1);
        Label ignoreLabel = mnemonicLabel("_Ignore rules:", ignore);
        GridPane.setValignment(ignoreLabel, javafx.geometry.VPos.TOP);
        grid.add(ignoreLabel, 0, row);
        grid.add(ignore, 1, row++);
        GridPane.setHgrow(ignore, Priority.ALWAYS);
        grid.add(section("Appearance"), 0, row++, 2, 1);
        grid.add(new Label("Theme:"), 0, row);
        grid.add(new HBox(16, light, dark), 1, row++);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.ERROR_TEXT);
        problem.textProperty().bind(model.problemProperty());
        grid.add(problem, 0, row, 2, 1);
        getDialogPane().setContent(grid);

        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL, DEFAULTS);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(model.problemProperty().isNotEmpty());
        Button restore = (Button) getDialogPane().lookupButton(DEFAULTS);
        restore.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            model.restoreDefaults();
            e.consume();
        });
        setResultConverter(b -> b == ButtonType.OK ? model.result() : null);
        setOnShown(e -> rtol.requestFocus());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    private static Label mnemonicLabel(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }
}
