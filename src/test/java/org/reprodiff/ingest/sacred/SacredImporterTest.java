package org.reprodiff.ingest.sacred;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.app.Composition;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Hand-made Sacred observer folders in {@code src/test/resources/fixtures/sacred/<case>/}, each with an
 * {@code expected.json} worked out by hand from the JSON files: {@code v08} (Sacred 0.8 with
 * {@code metrics.json}: a completed run with a bare {@code NaN} and {@code -Infinity}, a failed run with its
 * trace, a run whose {@code run.json} is cut short, an interrupted run whose {@code metrics.json} is cut short)
 * and {@code v07} (the old layout: results in {@code info.json}, no {@code metrics.json}).
 */
class SacredImporterTest {
    private final SacredImporter importer = new SacredImporter();

    @ParameterizedTest
    @ValueSource(strings = {"v08", "v07"})
    void readsFixtureAsExpected(String name) throws Exception {
        Path dir = fixture(name);
        JsonNode expected = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile());
        expected.get("canRead").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asBoolean(), importer.canRead(dir.resolve(e.getKey()).normalize()),
                        "canRead " + e.getKey()));

        List<String> sources = new ArrayList<>();
        new ProjectScanner(new ImporterCatalog(List.of(importer))).scan(dir, Progress.NONE).sources()
                .forEach(s -> sources.add(slashed(dir.toAbsolutePath().normalize().relativize(s.path()))));
        assertEquals(strings(expected.get("sources")), sources, "sources the scanner finds");

        Path source = dir.resolve(sources.get(0));
        List<String> units = new ArrayList<>();
        importer.units(source).forEach(u -> units.add(u.getFileName().toString()));
        assertEquals(strings(expected.get("units")), units, "units in id order");

        Map<String, Run> runs = new LinkedHashMap<>();
        for (Path unit : importer.units(source)) {
            ImportResult result = importer.read(unit, Progress.NONE);
            assertEquals(1, result.runs().size(), "one run per run folder");
            Run run = result.runs().get(0);
            assertEquals("sacred", run.format());
            assertEquals(unit.toRealPath().toString(), run.source());
            assertEquals(result.problems(), run.problems());
            runs.put(run.nativeId(), run);
        }
        assertEquals(expected.get("runs").size(), runs.size());
        for (JsonNode exp : expected.get("runs")) {
            Run run = runs.get(exp.get("nativeId").asText());
            assertNotNull(run, "run " + exp.get("nativeId"));
            assertRun(exp, run);
        }
    }

    @Test
    void noOtherImporterClaimsAnythingInsideTheObserverFolder() throws Exception {
        Path dir = fixture("v08");
        List<String> found = new ArrayList<>();
        new ProjectScanner(Composition.catalog()).scan(dir, Progress.NONE).sources().forEach(s ->
                found.add(s.importer().formatId() + " " + slashed(dir.toAbsolutePath().normalize().relativize(s.path()))));
        assertEquals(List.of("sacred runs"), found);
    }

    @Test
    void importingWritesNothing() throws Exception {
        Path dir = fixture("v08");
        Map<String, String> before = TreeSnapshot.of(dir);
        for (Path unit : importer.units(dir.resolve("runs"))) {
            importer.read(unit, Progress.NONE);
        }
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void neverThrowsFromCanRead() {
        assertFalse(importer.canRead(Path.of("/no/such/folder/anywhere")));
        assertFalse(importer.canRead(null));
    }

    static Path fixture(String name) {
        try {
            return Path.of(SacredImporterTest.class.getResource("/fixtures/sacred/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRun(JsonNode exp, Run run) {
        String id = run.nativeId() + ": ";
        assertEquals(text(exp.get("name")), run.name(), id + "name");
        assertEquals(text(exp.get("experiment")), run.experiment(), id + "experiment");
        assertEquals(exp.get("status").asText(), run.status().name(), id + "status");
        assertEquals(instant(exp.get("startTime")), run.startTime(), id + "startTime");
        assertEquals(instant(exp.get("endTime")), run.endTime(), id + "endTime");
        assertEquals(exp.get("truncated").asBoolean(), run.truncated(), id + "truncated");

        Map<String, String> params = new TreeMap<>();
        run.params().forEach(p -> params.put(p.key(), p.value().raw()));
        assertEquals(map(exp.get("params")), params, id + "params");
        map(exp.get("paramTypes")).forEach((k, t) -> assertEquals(t, run.param(k).value().type().name(), id + "type of " + k));
        Map<String, String> seeds = new TreeMap<>();
        run.seeds().forEach(s -> seeds.put(s.key(), s.value() + " " + s.origin()));
        assertEquals(map(exp.get("seeds")), seeds, id + "seeds");

        JsonNode code = exp.get("code");
        assertEquals(text(code.get("remote")), run.code().remote(), id + "remote");
        assertEquals(text(code.get("commit")), run.code().commit(), id + "commit");
        assertEquals(text(code.get("dirty")), run.code().dirty() == null ? null : run.code().dirty().toString(), id + "dirty");
        assertEquals(text(code.get("program")), run.code().program(), id + "program");
        assertEquals(strings(code.get("args")), run.code().args(), id + "args");
        assertEquals(map(code.get("sourceDigests")), new TreeMap<>(run.code().sourceDigests()), id + "source digests");

        List<String> data = new ArrayList<>();
        run.data().forEach(d -> data.add(d.name() + " " + d.digest() + " " + d.origin()));
        assertEquals(strings(exp.get("data")), data, id + "data");
        assertEquals(map(exp.get("environment")), run.environment(), id + "environment");
        List<String> packages = new ArrayList<>();
        run.packages().forEach(p -> packages.add(p.name() + " " + p.version()));
        assertEquals(strings(exp.get("packages")), packages, id + "packages");

        List<String> metricKeys = new ArrayList<>();
        exp.get("metrics").fieldNames().forEachRemaining(metricKeys::add);
        assertEquals(metricKeys, run.metrics().stream().map(MetricSeries::key).toList(), id + "metric keys");
        exp.get("metrics").fields().forEachRemaining(e -> assertSeries(id, e.getValue(), run.metric(e.getKey())));

        assertEquals(map(exp.get("tags")), run.tags(), id + "tags");
        assertEquals(strings(exp.get("artifacts")), run.artifacts(), id + "artifacts");
        Set<Facet> notCaptured = EnumSet.noneOf(Facet.class);
        exp.get("notCaptured").forEach(f -> notCaptured.add(Facet.fromId(f.asText())));
        assertEquals(notCaptured, run.notCaptured(), id + "notCaptured");
        List<String> expectedProblems = strings(exp.get("problems"));
        assertEquals(expectedProblems.size(), run.problems().size(), id + "problems " + run.problems());
        for (int i = 0; i < expectedProblems.size(); i++) {
            ImportProblem p = run.problems().get(i);
            String shown = Path.of(p.file()).getFileName() + ":" + p.where() + ": " + p.message();
            assertTrue(shown.startsWith(expectedProblems.get(i)), id + "problem " + shown);
        }
    }

    private static void assertSeries(String id, JsonNode exp, MetricSeries s) {
        assertNotNull(s, id + "series");
        List<Long> steps = new ArrayList<>();
        exp.get("steps").forEach(n -> steps.add(n.asLong()));
        assertArrayEquals(steps.stream().mapToLong(Long::longValue).toArray(), s.steps(), id + s.key() + " steps");
        double[] values = new double[exp.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = exp.get("values").get(i).asDouble();
        }
        assertArrayEquals(values, s.values(), id + s.key() + " values");
        long[] times = new long[exp.get("times").size()];
        for (int i = 0; i < times.length; i++) {
            JsonNode t = exp.get("times").get(i);
            times[i] = t.isNull() ? MetricSeries.NO_TIME : Instant.parse(t.asText()).toEpochMilli();
        }
        assertArrayEquals(times, s.wallTimes(), id + s.key() + " wall times");
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
