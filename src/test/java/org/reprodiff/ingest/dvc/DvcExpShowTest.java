package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.dvc.DvcFixtures.fixture;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * {@code dvc exp show --json} exports in both shapes; every expected value was read by hand from the fixture files.
 * Timestamps are read as UTC here.
 */
class DvcExpShowTest {
    private final DvcImporter importer = new DvcImporter(ZoneOffset.UTC);

    @Test
    void theListShapeGivesOneRunPerRow() throws Exception {
        Path file = fixture("exp-show/exp-show-list.json");
        ImportResult result = importer.read(file, Progress.NONE);
        Map<String, Run> runs = byName(result);
        assertEquals(List.of("workspace", "main", "exp-a1b2c", "exp-fail", "exp-queued"), new ArrayList<>(runs.keySet()));
        String source = file.toRealPath().toString();
        runs.values().forEach(r -> assertEquals(source, r.source()));

        Run ws = runs.get("workspace");
        assertEquals("workspace", ws.nativeId());
        assertEquals(Map.of("lr", "0.001", "seed", "42", "model.conv_units", "24"), DvcFixtures.params(ws));
        assertEquals(Map.of("eval/acc", 0.9885), ws.summary(), "DVCLive's step is not a metric");
        assertEquals(List.of(new DataRef("data", "md5:687552951726b99c2eee15d29b4ccf0e.dir", "dvc exp show deps")), ws.data());
        assertEquals(Map.of("src", "md5:09abfaabdfd6cd12fd31fb6ea736d57a.dir"), ws.code().sourceDigests());
        assertEquals(List.of("models"), ws.artifacts());
        assertNull(ws.code().commit());
        assertNull(ws.endTime());

        Run main = runs.get("main");
        assertEquals("bc6dfdb0a1b2c3d4e5f60718293a4b5c6d7e8f90", main.nativeId());
        assertEquals(main.nativeId(), main.code().commit());
        assertEquals("main", main.experiment());
        assertEquals(RunStatus.UNKNOWN, main.status());
        assertEquals(Instant.parse("2023-03-01T10:00:00Z"), main.endTime());
        assertEquals("16", main.param("model.conv_units").value().raw());
        assertEquals(Map.of("src", "md5:57f99becc6efff8a309d9527133f5f14.dir"), main.code().sourceDigests());

        Run exp = runs.get("exp-a1b2c");
        assertEquals(RunStatus.FINISHED, exp.status());
        assertEquals("main", exp.experiment());
        assertEquals("32", exp.param("model.conv_units").value().raw());
        assertEquals("true", exp.param("nested/params.yaml:test").value().raw(), "other params files keep their name");
        assertTrue(Double.isNaN(exp.summary().get("eval/acc")), "DVCLive's \"nan\" string is NaN");
        assertTrue(exp.data().isEmpty());
        assertFalse(exp.notCaptured().contains(Facet.DATA), "deps recorded, and empty");

        Run failed = runs.get("exp-fail");
        assertEquals(RunStatus.FAILED, failed.status());
        ImportProblem problem = new ImportProblem(file.toRealPath().toString(), "[1].experiments[1].revs[0]",
                "DVC recorded an error: ReproductionError: failed to reproduce 'train'");
        assertEquals(List.of(problem), failed.problems());
        assertEquals(List.of(problem), result.problems());
        assertTrue(failed.params().isEmpty());

        Run queued = runs.get("exp-queued");
        assertEquals(RunStatus.SCHEDULED, queued.status());
        assertEquals("0000aaaa1111bbbb2222cccc3333dddd4444eeee", queued.nativeId());
        assertEquals("0.01", queued.param("lr").value().raw());
    }

    @Test
    void theObjectShapeGivesOneRunPerRowAndSkipsIntermediateCheckpoints() throws Exception {
        Path file = fixture("exp-show/exp-show-object.json");
        ImportResult result = importer.read(file, Progress.NONE);
        Map<String, Run> runs = byName(result);
        assertEquals(List.of("workspace", "main", "exp-e7a67", "90aea7f", "1ee5f2e"), new ArrayList<>(runs.keySet()));
        assertFalse(result.runs().stream().anyMatch(r -> r.nativeId().startsWith("d1343a87")),
                "a checkpoint that is not its experiment's tip is no run");

        Run ws = runs.get("workspace");
        assertEquals(RunStatus.RUNNING, ws.status());
        assertEquals(Map.of("learning_rate", "2.2e-07", "epochs", "2", "process.threshold", "0.86"), DvcFixtures.params(ws));
        assertEquals(Map.of("loss", 1.9293040037155151, "accuracy", 0.4668000042438507), ws.summary());

        Run main = runs.get("main");
        assertEquals("53c3851f46955fa3e2b8f6e1c52999acc8c9ea77", main.nativeId());
        assertEquals("main", main.experiment());
        assertEquals(Instant.parse("2020-11-21T19:58:22Z"), main.endTime());
        assertEquals(List.of(new DataRef("data/data.xml", "md5:22a1a2931c8370d3aeedd7183606fd7f", "dvc exp show deps")), main.data());
        assertEquals(Map.of("src/train.py", "md5:c3961d777cfbd7727f9fde4851896006"), main.code().sourceDigests());

        Run exp = runs.get("exp-e7a67");
        assertEquals(RunStatus.FINISHED, exp.status(), "status Success");
        assertEquals("main", exp.experiment());
        assertEquals("2e-12", exp.param("learning_rate").value().raw());
        assertEquals(Instant.parse("2020-12-29T15:31:52Z"), exp.endTime());

        assertEquals(RunStatus.SCHEDULED, runs.get("90aea7f").status(), "queued: true");
        assertEquals(List.of(new ImportProblem(file.toRealPath().toString(),
                "53c3851f46955fa3e2b8f6e1c52999acc8c9ea77.1ee5f2ecb0fa4d83cbf614386536344cf894dd53",
                "DVC recorded an error: YAMLFileCorruptedError: unable to read 'params.yaml'")), result.problems());
    }

    private static Map<String, Run> byName(ImportResult result) {
        Map<String, Run> out = new LinkedHashMap<>();
        result.runs().forEach(r -> out.put(r.name(), r));
        return out;
    }
}
