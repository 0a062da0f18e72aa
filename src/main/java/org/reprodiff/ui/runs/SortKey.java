package org.reprodiff.ui.runs;

import java.util.Objects;

/**
 * What the runs table is sorted by: one of the fixed columns, or the final value of a metric ({@code metric} is
 * the metric key then, and null otherwise).
 */
public record SortKey(Column column, String metric) {

    /** The fixed columns of the runs table. */
    public enum Column { FORMAT, NAME, EXPERIMENT, STATUS, START, DURATION, TWIN_GROUP, METRIC }

    public SortKey {
        Objects.requireNonNull(column, "column");
        if ((column == Column.METRIC) != (metric != null)) {
            throw new IllegalArgumentException("a metric key goes with the METRIC column only");
        }
    }

    public static SortKey of(Column column) {
        return new SortKey(column, null);
    }

    public static SortKey metric(String key) {
        return new SortKey(Column.METRIC, key);
    }
}
