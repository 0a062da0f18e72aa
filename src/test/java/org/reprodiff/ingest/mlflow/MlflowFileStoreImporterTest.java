package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Hand-made fixtures in {@code src/test/resources/fixtures/mlflow/<case>/}: each holds a source and an
 * {@code expected.json} whose values were worked out from the fixture's files by hand.
 */
class MlflowFileStoreImporterTest {
    private final MlflowFileStoreImporter importer = new MlflowFileStoreImporter();

    @ParameterizedTest
    @ValueSource(strings = {"old-generation", "new-generation", "store-layout", "lone-run"})
    void readsFixtureAsExpected(String name) throws IOException {
        Path dir = fixture(name);
        JsonNode expected = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile());

        stringMap(expected.get("canRead")).forEach((path, can) ->
                assertEquals(Boolean.parseBoolean(can), importer.canRead(dir.resolve(path)), "canRead " + path));
        Path source = dir.resolve(expected.get("source").asText());
        List<Path> units = importer.units(source);
        assertEquals(texts(expected.get("units")), units.stream().map(u -> slashed(dir.relativize(u))).toList());

        Map<String, Run> runs = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Path unit : units) {
            ImportResult result = importer.read(unit, Progress.NONE);
            problems.addAll(result.problems());
            assertEquals(1, result.runs().size(), "one run per unit " + unit);
            Run run = result.runs().get(0);
            assertEquals(unit.toRealPath().toString(), run.source());
            assertEquals("mlflow", run.format());
            runs.put(run.nativeId(), run);
        }
        assertEquals(List.of(), problems);
        assertEquals(expected.get("runs").size(), runs.size());
        for (JsonNode exp : expected.get("runs")) {
            Run run = runs.get(exp.get("nativeId").asText());
            assertNotNull(run, "run " + exp.get("nativeId"));
            assertRun(exp, run);
        }
    }

    @Test
    void readsRunsOfTrashedExperimentsAsDeleted() throws IOException {
        Path store = fixture("store-layout").resolve("z_mlruns");
        Run run = readOne(store.resolve(".trash/2/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3"));
        assertTrue(run.deleted());
        assertEquals("thrown-away", run.experiment());
    }

    @Test
    void modelRegistryFolderIsNotAnExperiment() throws IOException {
        Path store = fixture("store-layout").resolve("z_mlruns");
        assertTrue(importer.units(store).stream().noneMatch(u -> u.startsWith(store.resolve("models"))));
    }

    @Test
    void artifactFolderWithoutMetaYamlIsNeitherRunNorProblem() throws IOException {
        Path store = fixture("store-layout").resolve("z_mlruns");
        assertTrue(importer.units(store).stream().noneMatch(u -> u.startsWith(store.resolve("0"))));
    }

    @Test
    void keepsEachModelFilesPackagesWithItsOrigin() throws IOException {
        Run run = readOne(fixture("new-generation").resolve("experiment/1c6b5e0f2a3d4c5b6a798877665544aa"));
        Set<String> sklearn = new HashSet<>();
        for (PackageRef p : run.packages()) {
            if (p.name().equals("scikit-learn")) {
                sklearn.add(p.version() + " from " + p.origin());
            }
        }
        assertEquals(Set.of("1.2.2 from calibrator/requirements.txt", "1.3.1 from model/requirements.txt"), sklearn);
    }

    @Test
    void neverThrowsFromCanRead() {
        assertFalse(importer.canRead(Path.of("/no/such/folder/anywhere")));
        assertFalse(importer.canRead(null));
    }

    private Run readOne(Path unit) {
        ImportResult result = importer.read(unit, Progress.NONE);
        assertEquals(List.of(), result.problems());
        return result.runs().get(0);
    }

    static Path fixture(String name) {
        try {
            return Path.of(MlflowFileStoreImporterTest.class.getResource("/fixtures/mlflow/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRun(JsonNode exp, Run run) {
        String id = run.nativeId() + ": ";
        if (exp.has("name")) {
            assertEquals(text(exp.get("name")), run.name(), id + "name");
        }
        if (exp.has("experiment")) {
            assertEquals(exp.get("experiment").asText(), run.experiment(), id + "experiment");
        }
        if (exp.has("status")) {
            assertEquals(RunStatus.valueOf(exp.get("status").asText()), run.status(), id + "status");
        }
        if (exp.has("deleted")) {
            assertEquals(exp.get("deleted").asBoolean(), run.deleted(), id + "deleted");
        }
        if (exp.has("truncated")) {
            assertEquals(exp.get("truncated").asBoolean(), run.truncated(), id + "truncated");
        }
        if (exp.has("startTime")) {
            assertEquals(instant(exp.get("startTime")), run.startTime(), id + "startTime");
        }
        if (exp.has("endTime")) {
            assertEquals(instant(exp.get("endTime")), run.endTime(), id + "endTime");
        }
        if (exp.has("user")) {
            assertEquals(text(exp.get("user")), run.user(), id + "user");
        }
        if (exp.has("artifactUri")) {
            assertEquals(text(exp.get("artifactUri")), run.artifactUri(), id + "artifactUri");
        }
        if (exp.has("params")) {
            Map<String, String> params = new TreeMap<>();
            run.params().forEach(p -> params.put(p.key(), p.value().raw()));
            assertEquals(stringMap(exp.get("params")), params, id + "params");
        }
        if (exp.has("paramTypes")) {
            stringMap(exp.get("paramTypes")).forEach((k, t) ->
                    assertEquals(t, run.param(k).value().type().name(), id + "type of " + k));
        }
        if (exp.has("tags")) {
            assertEquals(stringMap(exp.get("tags")), run.tags(), id + "tags");
        }
        if (exp.has("code")) {
            JsonNode c = exp.get("code");
            assertEquals(text(c.get("remote")), run.code().remote(), id + "remote");
            assertEquals(text(c.get("commit")), run.code().commit(), id + "commit");
            assertEquals(text(c.get("branch")), run.code().branch(), id + "branch");
            assertEquals(text(c.get("program")), run.code().program(), id + "program");
        }
        if (exp.has("metrics")) {
            assertMetrics(exp.get("metrics"), run, id);
        }
        if (exp.has("data")) {
            Set<DataRef> data = new HashSet<>();
            exp.get("data").forEach(d -> data.add(new DataRef(d.get("name").asText(), text(d.get("digest")),
                    d.get("origin").asText())));
            assertEquals(data, new HashSet<>(run.data()), id + "data");
            assertEquals(data.size(), run.data().size(), id + "data count");
        }
        if (exp.has("environment")) {
            assertEquals(stringMap(exp.get("environment")), run.environment(), id + "environment");
        }
        if (exp.has("packages")) {
            Set<PackageRef> packages = new HashSet<>();
            exp.get("packages").forEach(p -> packages.add(new PackageRef(p.get("name").asText(),
                    text(p.get("version")), text(p.get("constraint")), p.get("manager").asText(),
                    p.get("origin").asText())));
            assertEquals(packages, new HashSet<>(run.packages()), id + "packages");
            assertEquals(exp.get("packages").size(), run.packages().size(), id + "package count");
        }
        if (exp.has("artifacts")) {
            assertEquals(texts(exp.get("artifacts")), run.artifacts(), id + "artifacts");
        }
        if (exp.has("problems")) {
            assertEquals(exp.get("problems").size(), run.problems().size(), id + "problems " + run.problems());
        }
    }

    private static void assertMetrics(JsonNode metrics, Run run, String id) {
        Set<String> keys = new HashSet<>();
        metrics.properties().forEach(e -> keys.add(e.getKey()));
        assertEquals(keys, new HashSet<>(run.metrics().stream().map(MetricSeries::key).toList()),
                id + "metric keys");
        metrics.properties().forEach(e -> {
            MetricSeries s = run.metric(e.getKey());
            JsonNode m = e.getValue();
            String what = id + "metric " + e.getKey();
            long[] steps = new long[m.get("steps").size()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = m.get("steps").get(i).asLong();
            }
            double[] values = new double[m.get("values").size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = m.get("values").get(i);
                values[i] = v.isTextual() ? Numbers.parse(v.asText()) : v.asDouble();
            }
            long[] times = new long[m.get("wallTimes").size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = m.get("wallTimes").get(i).asLong();
            }
            assertNotNull(s, what);
            assertArrayEquals(steps, s.steps(), what + " steps");
            assertArrayEquals(values, s.values(), what + " values");
            assertArrayEquals(times, s.wallTimes(), what + " wall times");
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
