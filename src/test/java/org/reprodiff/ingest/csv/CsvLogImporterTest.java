package org.reprodiff.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Hand-made metric logs in {@code src/test/resources/fixtures/csv/<case>/}, each with an {@code expected.json}
 * worked out by hand from the file's lines (NaN and infinities as {@code "NaN"}, {@code "Infinity"}). Sources are
 * found the way the project scanner finds them.
 */
class CsvLogImporterTest {
    private final CsvLogImporter importer = new CsvLogImporter();

    @ParameterizedTest
    @ValueSource(strings = {"keras-na", "tsv-log", "jsonl-partial", "damaged-csv", "not-runs"})
    void readsFixtureAsExpected(String name) throws Exception {
        Path dir = fixture(name);
        JsonNode expected = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile());
        expected.get("canRead").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asBoolean(), importer.canRead(dir.resolve(e.getKey()).normalize()),
                        "canRead " + e.getKey()));

        List<String> sources = new ArrayList<>();
        new ProjectScanner(new ImporterCatalog(List.of(importer))).scan(dir, Progress.NONE).sources()
                .forEach(s -> sources.add(dir.toAbsolutePath().normalize().relativize(s.path()).toString().replace('\\', '/')));
        List<String> expectedFiles = new ArrayList<>();
        expected.get("runs").forEach(r -> expectedFiles.add(r.get("file").asText()));
        assertEquals(expectedFiles, sources, "sources the scanner finds");

        for (JsonNode exp : expected.get("runs")) {
            Path file = dir.resolve(exp.get("file").asText());
            assertEquals(List.of(file), importer.units(file));
            ImportResult result = importer.read(file, Progress.NONE);
            assertEquals(1, result.runs().size());
            Run run = result.runs().get(0);
            assertEquals(file.toRealPath().toString(), run.source());
            assertEquals(result.problems(), run.problems());
            assertRun(exp, run);
        }
    }

    @Test
    void fixtureKeepsItsWindowsDoubleCarriageReturns() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("keras-na").resolve("training.log"));
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertEquals(5, text.split("\r\r\n", -1).length - 1, "the fixture must keep its \\r\\r\\n endings");
    }

    @Test
    void logsRecordNothingButMetrics() throws Exception {
        Run run = importer.read(fixture("tsv-log").resolve("logs/train_progress.tsv"), Progress.NONE).runs().get(0);
        assertEquals(RunStatus.UNKNOWN, run.status());
        assertTrue(run.notCaptured().containsAll(List.of(Facet.PARAMS, Facet.SEEDS, Facet.CODE, Facet.ENVIRONMENT)));
        assertFalse(run.notCaptured().contains(Facet.METRICS));
    }

    @Test
    void neverThrowsFromCanRead() {
        assertFalse(importer.canRead(Path.of("/no/such/file/metrics_log.csv")));
        assertFalse(importer.canRead(null));
        assertFalse(importer.canRead(fixture("keras-na")), "a folder is never a metric log");
    }

    static Path fixture(String name) {
        try {
            return Path.of(CsvLogImporterTest.class.getResource("/fixtures/csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRun(JsonNode exp, Run run) {
        String id = run.nativeId() + ": ";
        assertEquals("csv", run.format());
        assertEquals(exp.get("nativeId").asText(), run.nativeId());
        assertEquals(exp.get("name").asText(), run.name(), id + "name");
        assertEquals(exp.get("kind").asText(), run.tags().get("csv.kind"), id + "kind");
        assertEquals(exp.get("truncated").asBoolean(), run.truncated(), id + "truncated");
        assertEquals(instant(exp.get("startTime")), run.startTime(), id + "startTime");
        assertEquals(instant(exp.get("endTime")), run.endTime(), id + "endTime");
        JsonNode metrics = exp.get("metrics");
        assertEquals(metrics.size(), run.metrics().size(), id + "metric keys " + run.metrics());
        metrics.fields().forEachRemaining(e -> {
            MetricSeries s = run.metric(e.getKey());
            assertNotNull(s, id + "metric " + e.getKey());
            JsonNode m = e.getValue();
            assertArrayEquals(longs(m.get("steps")), s.steps(), id + e.getKey() + " steps");
            assertArrayEquals(doubles(m.get("values")), s.values(), id + e.getKey() + " values");
            long[] wall = m.has("wallTimes") ? longs(m.get("wallTimes")) : noTimes(s.size());
            assertArrayEquals(wall, s.wallTimes(), id + e.getKey() + " wall times");
        });
        exp.get("summary").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asDouble(), run.summary().get(e.getKey()), id + "summary " + e.getKey()));
        List<String> where = new ArrayList<>();
        exp.get("problems").forEach(p -> where.add(p.asText()));
        assertEquals(where, run.problems().stream().map(ImportProblem::where).toList(), id + "problems " + run.problems());
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static long[] longs(JsonNode n) {
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asLong();
        }
        return out;
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).isTextual() ? Numbers.parse(n.get(i).asText()) : n.get(i).asDouble();
        }
        return out;
    }

    private static long[] noTimes(int n) {
        long[] out = new long[n];
        Arrays.fill(out, MetricSeries.NO_TIME);
        return out;
    }
}
