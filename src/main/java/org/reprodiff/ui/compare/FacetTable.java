package org.reprodiff.ui.compare;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.reprodiff.ui.common.Styles;

/**
 * The table of one facet section: a glyph column (+, −, ~, =) so a change reads without colour, the key, both
 * values and the change with its note. Rows carry a pseudo-class per kind ({@code :added}, {@code :removed},
 * {@code :changed}, {@code :equal}, {@code :expected}, {@code :group}) for the stylesheet. Several rows can be
 * selected; Ctrl+C and the context menu's Copy put them on the clipboard as tab-separated text.
 */
final class FacetTable extends TableView<FacetRow> {
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass EQUAL = PseudoClass.getPseudoClass("equal");
    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    FacetTable(FacetSection section) {
        super(section.rows());
        getStyleClass().add(Styles.FACET_TABLE);
        setId(section.id() + "-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<FacetRow, String> glyph = column("", 30, FacetRow::glyph);
        glyph.setResizable(false);
        glyph.setSortable(false);
        glyph.getStyleClass().add(Styles.GLYPH_COLUMN);
        getColumns().add(glyph);
        getColumns().add(column("Key", 240, FacetRow::key));
        getColumns().add(column("A", 190, r -> value(r, r.a())));
        getColumns().add(column("B", 190, r -> value(r, r.b())));
        getColumns().add(column("Change", 400, FacetRow::changeAndNote));
        getColumns().forEach(c -> c.setSortable(false));
        setRowFactory(t -> new KindRow());
        Label placeholder = new Label();
        placeholder.textProperty().bind(section.placeholderProperty());
        placeholder.getStyleClass().add(Styles.EMPTY_STATE);
        placeholder.setWrapText(true);
        setPlaceholder(placeholder);
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelection());
        MenuItem copyKeys = new MenuItem("Copy Key");
        copyKeys.setOnAction(e -> copy(String.join("\n", getSelectionModel().getSelectedItems().stream()
                .map(FacetRow::key).toList())));
        setContextMenu(new ContextMenu(copy, copyKeys));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    private static String value(FacetRow r, String text) {
        return r.kind() == FacetRow.Kind.GROUP ? "" : text == null ? "—" : text;
    }

    /** Copies the selected rows, in table order, as tab-separated text. */
    void copySelection() {
        List<Integer> indices = getSelectionModel().getSelectedIndices().stream().sorted().toList();
        if (!indices.isEmpty()) {
            copy(CompareViewModel.copyText(indices.stream().map(getItems()::get).toList()));
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static TableColumn<FacetRow, String> column(String title, double width, Function<FacetRow, String> value) {
        TableColumn<FacetRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TextCell());
        return c;
    }

    /** A text cell whose tooltip shows a long value in full. */
    private static final class TextCell extends TableCell<FacetRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.length() < 24 ? null : new Tooltip(text));
            setAlignment(getTableColumn() != null && getTableColumn().getText().isEmpty() ? Pos.CENTER : Pos.CENTER_LEFT);
        }
    }

    /** A row that sets the pseudo-class of its kind. */
    private static final class KindRow extends TableRow<FacetRow> {
        @Override
        protected void updateItem(FacetRow row, boolean empty) {
            super.updateItem(row, empty);
            FacetRow.Kind kind = empty || row == null ? null : row.kind();
            pseudoClassStateChanged(ADDED, kind == FacetRow.Kind.ADDED);
            pseudoClassStateChanged(REMOVED, kind == FacetRow.Kind.REMOVED);
            pseudoClassStateChanged(CHANGED, kind == FacetRow.Kind.CHANGED);
            pseudoClassStateChanged(EQUAL, kind == FacetRow.Kind.EQUAL);
            pseudoClassStateChanged(GROUP, kind == FacetRow.Kind.GROUP);
            pseudoClassStateChanged(EXPECTED, row != null && !empty && row.expected() && kind != FacetRow.Kind.GROUP);
        }
    }
}
