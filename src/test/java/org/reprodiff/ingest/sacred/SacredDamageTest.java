package org.reprodiff.ingest.sacred;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.Facet;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/** Sacred run folders that are damaged, partial, huge or laid out unusually, built in a temporary folder. */
class SacredDamageTest {
    private static final String RUN_JSON = "{\"command\": \"main\", \"experiment\": {\"name\": \"exp\"}, \"host\": {},"
            + " \"start_time\": \"2024-01-01T00:00:00\", \"status\": \"COMPLETED\"}";

    private final SacredImporter importer = new SacredImporter();

    @TempDir
    Path tmp;

    @Test
    void runJsonThatIsAFolderIsAProblemAndTheOtherRunsImport() throws IOException {
        Path good = runFolder("runs/1", RUN_JSON, "{\"seed\": 1}");
        Files.createDirectories(tmp.resolve("runs/2/run.json"));
        Files.writeString(tmp.resolve("runs/2/config.json"), "{\"seed\": 2}");
        List<Path> units = importer.units(tmp.resolve("runs"));
        assertEquals(List.of(good, tmp.resolve("runs/2")), units);

        ImportResult bad = importer.read(units.get(1), Progress.NONE);
        assertEquals(List.of(), bad.runs());
        assertEquals(1, bad.problems().size());
        assertTrue(bad.problems().get(0).file().endsWith("run.json"), bad.problems().toString());
        ImportResult ok = importer.read(units.get(0), Progress.NONE);
        assertEquals(RunStatus.FINISHED, ok.runs().get(0).status());
        assertEquals(List.of(), ok.problems());
    }

    @Test
    void megabytesOfJsonpickleInResultAndInfoAreSkippedUnread() throws IOException {
        Path run = runFolder("runs/1", null, "{\"lr\": 0.1, \"seed\": 3}");
        String blob = "A".repeat(3 * 1024 * 1024);
        try (Writer w = Files.newBufferedWriter(run.resolve("run.json"), StandardCharsets.UTF_8)) {
            w.write("{\"command\": \"main\", \"result\": {\"py/object\": \"report.Report\", \"image\": {\"py/b64\": \"");
            w.write(blob);
            w.write("\"}, \"score\": 0.5}, \"status\": \"COMPLETED\"}");
        }
        try (Writer w = Files.newBufferedWriter(run.resolve("info.json"), StandardCharsets.UTF_8)) {
            w.write("{\"accuracy\": 0.625, \"examples\": [{\"py/b64\": \"");
            w.write(blob);
            w.write("\", \"label\": 7}], \"curve\": [[0.1, 1.0], [0.2, 0.5]]}");
        }
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(List.of(), r.problems());
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(List.of("lr", "seed"), r.params().stream().map(p -> p.key()).toList());
        assertEquals(List.of("accuracy"), r.metrics().stream().map(MetricSeries::key).toList());
        assertEquals(0.625, r.metric("accuracy").last());
        assertFalse(r.tags().containsKey("sacred.result"), r.tags().toString());
        assertTrue(r.tags().values().stream().allMatch(v -> v.length() < 1000));
    }

    @Test
    void configThatIsNotJsonIsAProblemWithItsLineAndTheRunKeepsTheRest() throws IOException {
        Path run = runFolder("runs/1", RUN_JSON, "{\n  \"lr\": 0.1,\n  \"seed\": oops\n}");
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).file().endsWith("config.json"));
        assertEquals("line 3", r.problems().get(0).where());
        assertTrue(r.notCaptured().contains(Facet.PARAMS));
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals("exp/1", r.name());
        assertFalse(r.truncated());
    }

    @Test
    void emptyConfigMarksTheRunTruncated() throws IOException {
        Run r = importer.read(runFolder("runs/1", RUN_JSON, ""), Progress.NONE).runs().get(0);
        assertTrue(r.truncated());
        assertTrue(r.problems().get(0).message().startsWith("empty file"), r.problems().toString());
    }

    @Test
    void missingConfigIsAProblem() throws IOException {
        Path run = runFolder("runs/1", RUN_JSON, null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().startsWith("missing"), r.problems().toString());
    }

    @Test
    void metricWithoutStepsOrTimestampsIsNumberedFromZero() throws IOException {
        Path run = runFolder("runs/1", RUN_JSON, "{}");
        Files.writeString(run.resolve("metrics.json"), "{\"acc\": {\"values\": [0.25, 0.5, 0.75]}, \"bad\": 3}");
        ImportResult result = importer.read(run, Progress.NONE);
        MetricSeries acc = result.runs().get(0).metric("acc");
        assertArrayEquals(new long[] {0, 1, 2}, acc.steps());
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, acc.values());
        assertArrayEquals(new long[] {MetricSeries.NO_TIME, MetricSeries.NO_TIME, MetricSeries.NO_TIME}, acc.wallTimes());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).message().startsWith("metric bad:"), result.problems().toString());
    }

    @Test
    void unitsAreRunFoldersInIdOrderThenCustomIds() throws IOException {
        runFolder("runs/10", RUN_JSON, "{}");
        runFolder("runs/2", RUN_JSON, "{}");
        runFolder("runs/custom", RUN_JSON, "{}");
        Files.createDirectories(tmp.resolve("runs/_sources"));
        Files.createDirectories(tmp.resolve("runs/3"));
        assertTrue(importer.canRead(tmp.resolve("runs")));
        assertEquals(List.of(tmp.resolve("runs/2"), tmp.resolve("runs/10"), tmp.resolve("runs/custom")),
                importer.units(tmp.resolve("runs")));
        assertTrue(importer.canRead(tmp.resolve("runs/custom")));
        assertEquals(List.of(tmp.resolve("runs/custom")), importer.units(tmp.resolve("runs/custom")));
    }

    @Test
    void folderOfNumberedFoldersWithoutRunJsonIsNoSource() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(tmp.resolve("multirun/" + i + "/.hydra"));
        }
        Files.writeString(tmp.resolve("multirun/0/config.json"), "{}");
        assertFalse(importer.canRead(tmp.resolve("multirun")));
        assertFalse(importer.canRead(tmp.resolve("multirun/0")));
    }

    @Test
    void anInterruptedReadReturnsNoRunAndKeepsTheFlag() throws IOException {
        Path run = runFolder("runs/1", RUN_JSON, "{}");
        Thread.currentThread().interrupt();
        try {
            assertEquals(List.of(), importer.read(run, Progress.NONE).runs());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private Path runFolder(String relative, String runJson, String configJson) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(relative));
        if (runJson != null) {
            Files.writeString(dir.resolve("run.json"), runJson);
        }
        if (configJson != null) {
            Files.writeString(dir.resolve("config.json"), configJson);
        }
        return dir;
    }
}
