package org.reprodiff.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ui.runs.RunFixtures.run;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.RunSummary;

class SourceTreeTest {
    private final RunSummary m1 = run(1, "mlflow", "r1", "mlruns/0", null, 0, 1);
    private final RunSummary m2 = run(2, "mlflow", "r2", "mlruns/1", null, 0, 1);
    private final RunSummary m3 = run(3, "mlflow", "r3", "mlruns/0", null, 0, 1);
    private final RunSummary w1 = run(4, "wandb", "run-1", "wandb", null, 0, 1);

    @Test
    void groupsByFormatThenFolderWithCounts() {
        SourceNode root = SourceTree.build("p", Path.of("/p"), List.of(m1, m2, m3, w1));
        assertEquals("p (4)", root.text());
        assertEquals(List.of("mlflow (3)", "wandb (1)"), root.children().stream().map(SourceNode::text).toList());
        assertEquals(List.of("mlruns/0 (2)", "mlruns/1 (1)"),
                root.children().get(0).children().stream().map(SourceNode::text).toList());
        SourceNode folder0 = root.children().get(0).children().get(0);
        assertTrue(folder0.contains().test(m3));
        assertFalse(folder0.contains().test(m2));
        assertFalse(root.children().get(1).contains().test(m1));
    }

    @Test
    void aDatabaseStoresRunsShareItsFolder() {
        RunSummary db = new RunSummary(5, "mlflow", "abc", "db-run", null, org.reprodiff.model.RunStatus.FINISHED,
                "/p/tracking/mlflow.db#abc", null, null, 0, List.of(), false, false, null);
        assertEquals("tracking", SourceTree.folderOf(db, Path.of("/p")));
        assertEquals("/p/mlruns/0", SourceTree.folderOf(m1, Path.of("/q")), "outside the project: the absolute folder");
    }

    @Test
    void longFoldersAreShortenedInTheMiddle() {
        assertEquals("mlruns/0", SourceTree.shortLabel("mlruns/0"));
        assertEquals("a/b/c", SourceTree.shortLabel("a/b/c"));
        assertEquals("fixtures/guild/…/runs", SourceTree.shortLabel("fixtures/guild/tests/samples/runs"));
        assertEquals("(project folder)", SourceTree.shortLabel(""));
    }
}
