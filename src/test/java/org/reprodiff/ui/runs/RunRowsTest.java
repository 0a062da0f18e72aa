package org.reprodiff.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reprodiff.ui.runs.RunFixtures.run;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.RunSummary;

class RunRowsTest {
    private final List<RunSummary> runs = List.of(
            run(1, "mlflow", "Beta", "mlruns/0", "g1", 300, 50),
            run(2, "wandb", "alpha", "wandb", null, 100, -1),
            run(3, "mlflow", "gamma", "mlruns/0", "g1", -1, -1),
            run(4, "csv", "delta", "logs", null, 200, 10));
    private final Map<Long, Map<String, Double>> finals = Map.of(
            1L, Map.of("val/loss", 0.5),
            2L, Map.of("val/loss", 0.25),
            4L, Map.of("val/loss", Double.NaN));
    private final RunRows rows = new RunRows(runs, List.of("val/loss"), finals, Map.of("g1", "2 twins"));

    private List<Long> ids(List<RunSummary> result) {
        return result.stream().map(RunSummary::id).toList();
    }

    @Test
    void sortsNamesIgnoringCase() {
        assertEquals(List.of(2L, 1L, 4L, 3L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.NAME), true)));
        assertEquals(List.of(3L, 4L, 1L, 2L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.NAME), false)));
    }

    @Test
    void unknownStartTimesSortLastBothWays() {
        assertEquals(List.of(2L, 4L, 1L, 3L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.START), true)));
        assertEquals(List.of(1L, 4L, 2L, 3L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.START), false)));
    }

    @Test
    void sortsByDurationWithUnknownLast() {
        assertEquals(List.of(4L, 1L, 2L, 3L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.DURATION), true)));
    }

    @Test
    void sortsByAMetricsFinalValueWithMissingAndNaNLast() {
        assertEquals(List.of(2L, 1L, 3L, 4L), ids(rows.query("", r -> true, SortKey.metric("val/loss"), true)));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(rows.query("", r -> true, SortKey.metric("val/loss"), false)));
    }

    @Test
    void equalKeysKeepStoreOrder() {
        assertEquals(List.of(4L, 1L, 3L, 2L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.FORMAT), true)));
    }

    @Test
    void blankTwinGroupsSortLast() {
        assertEquals(List.of(1L, 3L, 2L, 4L), ids(rows.query("", r -> true, SortKey.of(SortKey.Column.TWIN_GROUP), true)));
    }

    @Test
    void noSortKeyKeepsStoreOrder() {
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(rows.query(null, r -> true, null, true)));
    }

    @Test
    void filterWordsMustAllMatchAnywhereIgnoringCase() {
        assertEquals(List.of(1L, 3L), ids(rows.query("MLFLOW", r -> true, null, true)));
        assertEquals(List.of(3L), ids(rows.query("mlflow gam", r -> true, null, true)));
        assertEquals(List.of(2L), ids(rows.query("/p/wandb", r -> true, null, true)), "the source path is searched");
        assertEquals(List.of(1L, 3L), ids(rows.query("twins", r -> true, null, true)), "so is the twin-group text");
        assertEquals(List.of(), ids(rows.query("zeta", r -> true, null, true)));
    }

    @Test
    void theScopeAndTheFilterCombine() {
        assertEquals(List.of(4L, 2L), ids(rows.query("a", r -> !r.format().equals("mlflow"), SortKey.of(SortKey.Column.NAME), false)));
    }
}
