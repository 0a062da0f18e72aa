package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.dvc.DvcFixtures.fixture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/** Lone DVCLive folders of three generations, values worked out by hand from the fixture files. */
class DvcLiveImporterTest {
    private final DvcLiveImporter importer = new DvcLiveImporter();

    @Test
    void readsACurrentDvcLiveFolder() {
        Path dir = fixture("live/dvclive");
        assertTrue(importer.canRead(dir));
        assertTrue(importer.ownsSubtree());
        ImportResult result = importer.read(dir, Progress.NONE);
        Run run = result.runs().get(0);
        assertEquals("dvclive", run.format());
        assertEquals("dvclive", run.nativeId());
        assertEquals("live/dvclive", run.name(), "the default folder name is qualified by its parent");
        assertEquals(Map.of("epochs", "4", "optimizer", "sgd", "seed", "1234"), DvcFixtures.params(run));
        assertEquals("1234", run.seeds().get(0).value());

        MetricSeries loss = run.metric("loss");
        assertEquals(List.of(0L, 1L, 2L, 3L), DvcFixtures.steps(loss));
        assertEquals(List.of(1.0, 0.5, 0.25, 0.125), DvcFixtures.values(loss), "CRLF line ends read");
        assertEquals(1_700_000_180_000L, loss.wallTimes()[3]);
        MetricSeries cpu = run.metric("system/cpu/usage (%)");
        assertEquals(List.of(10.5, 42.5), DvcFixtures.values(cpu), "the name comes from the path, spaces kept");
        assertTrue(run.truncated(), "the last row of usage (%).tsv is cut short");
        Path usage = dir.resolve("plots/metrics/system/cpu/usage (%).tsv");
        assertEquals(List.of(new ImportProblem(usage.toString(), "line 4", "last row cut short: 2\t")), result.problems());
        assertEquals(Map.of("loss", 0.125, "system/cpu/usage (%)", 42.5), run.summary(), "step is not a metric");
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), run.startTime());
        assertEquals(Instant.parse("2023-11-14T22:16:20Z"), run.endTime());
        assertTrue(run.data().isEmpty());
        assertTrue(run.notCaptured().containsAll(List.of(Facet.CODE, Facet.DATA, Facet.ENVIRONMENT, Facet.PACKAGES)));
    }

    @Test
    void readsTheFirstReleasesFlatLayoutWithItsSummaryBesideTheFolder() {
        Path dir = fixture("legacy/logs");
        assertTrue(importer.canRead(dir));
        ImportResult result = importer.read(dir, Progress.NONE);
        Run run = result.runs().get(0);
        assertEquals("logs", run.name());
        MetricSeries loss = run.metric("loss");
        assertEquals(List.of(2.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), DvcFixtures.values(loss));
        assertEquals(1_600_000_000_000L, loss.wallTimes()[0]);
        MetricSeries acc = run.metric("val/acc");
        assertEquals(List.of(0L, 2L), DvcFixtures.steps(acc), "the unreadable row is skipped");
        assertEquals(List.of(0.25, 0.75), DvcFixtures.values(acc));
        assertEquals(List.of(new ImportProblem(dir.resolve("val/acc.tsv").toString(), "line 3", "not a number: 'broken'")),
                result.problems());
        assertFalse(run.truncated());
        assertEquals(Map.of("loss", Double.NEGATIVE_INFINITY, "val/acc", 0.75), run.summary());
        assertTrue(run.notCaptured().contains(Facet.PARAMS));
        assertEquals(Instant.ofEpochMilli(1_600_000_000_000L), run.startTime());
        assertEquals(Instant.ofEpochMilli(1_600_000_002_500L), run.endTime());
    }

    @Test
    void readsTheScalarsLayout() {
        Path dir = fixture("scalars/dvclive");
        Run run = importer.read(dir, Progress.NONE).runs().get(0);
        assertEquals("scalars/dvclive", run.name());
        assertEquals(List.of(0L, 5L), DvcFixtures.steps(run.metric("accuracy")));
        assertEquals(List.of(0.5, 0.625), DvcFixtures.values(run.metric("accuracy")));
        assertEquals(Map.of("accuracy", 0.625), run.summary());
    }

    @Test
    void ordinaryFoldersAreNotDvcLive() {
        assertFalse(importer.canRead(fixture("project")));
        assertFalse(importer.canRead(fixture("legacy")));
        assertFalse(importer.canRead(fixture("exp-show")));
        assertFalse(importer.canRead(fixture("project/scores.json")));
    }
}
