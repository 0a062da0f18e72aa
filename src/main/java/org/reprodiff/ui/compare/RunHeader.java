package org.reprodiff.ui.compare;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.reprodiff.ui.common.Styles;

/**
 * The compare view's header: both runs as two aligned rows under column captions (side, run, format, status,
 * started, duration, source). Long names and paths end in an ellipsis (the source keeps its end, where the run's
 * folder is) and show in full in a tooltip.
 */
final class RunHeader extends GridPane {
    private static final String[] CAPTIONS = {"", "Run", "Format", "Status", "Started", "Duration", "Source"};

    RunHeader(List<RunCard> cards) {
        getStyleClass().add(Styles.RUN_HEADER);
        setHgap(18);
        setVgap(3);
        setPadding(new Insets(8, 14, 8, 14));
        for (int i = 0; i < CAPTIONS.length; i++) {
            Label caption = new Label(CAPTIONS[i]);
            caption.getStyleClass().add(Styles.HEADER_CAPTION);
            add(caption, i, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(i == CAPTIONS.length - 1 ? Priority.ALWAYS : Priority.NEVER);
            cc.setHalignment(HPos.LEFT);
            getColumnConstraints().add(cc);
        }
        int row = 1;
        for (RunCard card : cards) {
            Label side = new Label(card.side());
            side.getStyleClass().addAll(Styles.SIDE_BADGE, Styles.SIDE_BADGE + "-" + card.side().toLowerCase());
            side.setMinWidth(22);
            Label name = cell(card.name(), 280);
            name.getStyleClass().add(Styles.RUN_NAME);
            Label status = cell(card.status(), 200);
            status.getStyleClass().add(Styles.RUN_STATUS);
            status.getStyleClass().add(Styles.RUN_STATUS + "-" + card.status().split(" ")[0].toLowerCase());
            Label source = cell(card.source(), Double.MAX_VALUE);
            source.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            source.getStyleClass().add(Styles.MUTED);
            source.setMinWidth(80);
            addRow(row++, side, name, cell(card.format(), 140), status, cell(card.started(), 160),
                    cell(card.duration(), 100), source);
        }
    }

    private static Label cell(String text, double maxWidth) {
        Label label = new Label(text);
        label.setMaxWidth(maxWidth);
        label.setMinWidth(maxWidth < 250 ? javafx.scene.control.Control.USE_PREF_SIZE : 60);
        if (maxWidth < Double.MAX_VALUE || text.length() > 40) {
            label.setTooltip(new Tooltip(text));
        }
        return label;
    }
}
