package org.reprodiff.ingest.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.Facet;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Hand-made Hydra output folders in {@code src/test/resources/fixtures/hydra/<case>/}, each with an
 * {@code expected.json} worked out by hand from the YAML files. Folder times are read as UTC here so the expected
 * start times do not depend on the machine running the tests.
 */
class HydraImporterTest {
    private final HydraImporter importer = new HydraImporter(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"single-run", "sweep"})
    void readsFixtureAsExpected(String name) throws Exception {
        Path dir = fixture(name);
        JsonNode expected = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile());
        expected.get("canRead").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asBoolean(), importer.canRead(dir.resolve(e.getKey()).normalize()),
                        "canRead " + e.getKey()));

        List<String> sources = new ArrayList<>();
        new ProjectScanner(new ImporterCatalog(List.of(importer))).scan(dir, Progress.NONE).sources()
                .forEach(s -> sources.add(slashed(dir.toAbsolutePath().normalize().relativize(s.path()))));
        List<String> expectedSources = new ArrayList<>();
        expected.get("sources").forEach(s -> expectedSources.add(s.asText()));
        assertEquals(expectedSources, sources, "sources the scanner finds");

        Map<String, Run> runs = new LinkedHashMap<>();
        for (String source : sources) {
            Path unit = dir.resolve(source);
            assertEquals(List.of(unit), importer.units(unit));
            ImportResult result = importer.read(unit, Progress.NONE);
            assertEquals(1, result.runs().size(), "one run per output folder");
            Run run = result.runs().get(0);
            assertEquals("hydra", run.format());
            assertEquals(unit.toRealPath().toString(), run.source());
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
    void keepsHydraBookkeepingOutOfParameters() throws IOException {
        Run run = importer.read(fixture("single-run").resolve("outputs/2021-08-14/12-30-45"), Progress.NONE).runs().get(0);
        assertFalse(run.params().stream().anyMatch(p -> p.key().startsWith("hydra")), run.params().toString());
    }

    @Test
    void neverThrowsFromCanRead() {
        assertFalse(importer.canRead(Path.of("/no/such/folder/anywhere")));
        assertFalse(importer.canRead(null));
    }

    static Path fixture(String name) {
        try {
            return Path.of(HydraImporterTest.class.getResource("/fixtures/hydra/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRun(JsonNode exp, Run run) {
        String id = run.nativeId() + ": ";
        assertEquals(text(exp.get("name")), run.name(), id + "name");
        assertEquals(text(exp.get("experiment")), run.experiment(), id + "experiment");
        assertEquals(Instant.parse(exp.get("startTime").asText()), run.startTime(), id + "startTime");
        assertEquals(null, run.endTime(), id + "endTime");
        assertEquals(RunStatus.UNKNOWN, run.status(), id + "status");
        assertEquals(exp.get("truncated").asBoolean(), run.truncated(), id + "truncated");
        Map<String, String> params = new TreeMap<>();
        run.params().forEach(p -> params.put(p.key(), p.value().raw()));
        assertEquals(strings(exp.get("params")), params, id + "params");
        strings(exp.get("paramTypes")).forEach((k, t) ->
                assertEquals(t, run.param(k).value().type().name(), id + "type of " + k));
        Map<String, String> seeds = new TreeMap<>();
        run.seeds().forEach(s -> seeds.put(s.key(), s.value()));
        assertEquals(strings(exp.get("seeds")), seeds, id + "seeds");
        assertEquals(exp.get("program").asText(), run.code().program(), id + "program");
        List<String> args = new ArrayList<>();
        exp.get("args").forEach(a -> args.add(a.asText()));
        assertEquals(args, run.code().args(), id + "args");
        assertEquals(strings(exp.get("tags")), run.tags(), id + "tags");
        assertEquals(strings(exp.get("environment")), run.environment(), id + "environment");
        List<String> artifacts = new ArrayList<>();
        exp.get("artifacts").forEach(a -> artifacts.add(a.asText()));
        assertEquals(artifacts, run.artifacts(), id + "artifacts");
        Set<Facet> notCaptured = EnumSet.noneOf(Facet.class);
        exp.get("notCaptured").forEach(f -> notCaptured.add(Facet.fromId(f.asText())));
        assertEquals(notCaptured, run.notCaptured(), id + "notCaptured");
        assertEquals(exp.get("problems").asInt(), run.problems().size(), id + "problems " + run.problems());
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
