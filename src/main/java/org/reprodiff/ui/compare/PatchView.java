package org.reprodiff.ui.compare;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.reprodiff.ui.common.Styles;

/**
 * The code tab's patch section: a one-line note on the uncommitted patches and, when both runs saved different
 * ones, their unified difference in a monospaced list whose lines carry {@code :added}, {@code :removed},
 * {@code :hunk} or {@code :file} (the +/− markers stay in the text, so it reads without colour). Ctrl+C copies
 * the selected lines.
 */
final class PatchView extends BorderPane {
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass HUNK = PseudoClass.getPseudoClass("hunk");
    private static final PseudoClass FILE = PseudoClass.getPseudoClass("file");

    PatchView(String note, List<PatchLine> lines) {
        getStyleClass().add(Styles.PATCH_VIEW);
        Label title = new Label(note);
        title.setWrapText(true);
        title.getStyleClass().add(Styles.PATCH_NOTE);
        setTop(title);
        if (!lines.isEmpty()) {
            ListView<PatchLine> list = new ListView<>();
            list.getItems().setAll(lines);
            list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            list.setCellFactory(v -> new LineCell());
            list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (FacetTable.COPY.match(e)) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(String.join("\n", list.getSelectionModel().getSelectedItems().stream()
                            .map(PatchLine::text).toList()));
                    Clipboard.getSystemClipboard().setContent(content);
                    e.consume();
                }
            });
            setCenter(list);
        }
    }

    private static final class LineCell extends ListCell<PatchLine> {
        @Override
        protected void updateItem(PatchLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty || line == null ? null : line.text());
            PatchLine.Kind kind = empty || line == null ? null : line.kind();
            pseudoClassStateChanged(ADDED, kind == PatchLine.Kind.ADDED);
            pseudoClassStateChanged(REMOVED, kind == PatchLine.Kind.REMOVED);
            pseudoClassStateChanged(HUNK, kind == PatchLine.Kind.HUNK);
            pseudoClassStateChanged(FILE, kind == PatchLine.Kind.FILE);
        }
    }
}
