package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Param;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * Fixture in, expected out: each folder of {@code fixtures/wandb/<case>/} holds one run folder and an
 * {@code expected.json} whose values were worked out by hand from the files (see its {@code comment}).
 */
class WandbFilesFixtureTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "wandb");

    @ParameterizedTest
    @ValueSource(strings = {"legacy-files", "core-files"})
    void readsTheRunAsExpected(String fixture) throws IOException {
        Path dir = FIXTURES.resolve(fixture);
        JsonNode expected = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile());
        Path runDir;
        try (Stream<Path> s = Files.list(dir)) {
            runDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        WandbImporter importer = new WandbImporter();
        assertTrue(importer.canRead(runDir));
        ImportResult result = importer.read(runDir, Progress.NONE);
        assertEquals(1, result.runs().size(), result.problems().toString());
        Run run = result.runs().get(0);

        assertEquals(expected.get("nativeId").asText(), run.nativeId());
        assertEquals(expected.get("status").asText(), run.status().name());
        assertEquals(expected.get("truncated").asBoolean(), run.truncated());
        assertEquals(expected.get("startTime").asText(), String.valueOf(run.startTime()));
        assertEquals(text(expected.get("user")), run.user());

        Map<String, List<String>> params = new TreeMap<>();
        for (Param p : run.params()) {
            params.put(p.key(), List.of(p.value().type().name(), p.value().raw()));
        }
        Map<String, List<String>> expectedParams = new TreeMap<>();
        expected.get("params").properties().forEach(e -> expectedParams.put(e.getKey(),
                List.of(e.getValue().get(0).asText(), e.getValue().get(1).asText())));
        assertEquals(expectedParams, params);

        Map<String, String> seeds = new LinkedHashMap<>();
        for (SeedRecord s : run.seeds()) {
            seeds.put(s.key(), s.value());
        }
        assertEquals(strings(expected.get("seeds")), seeds);
        assertEquals(strings(expected.get("environment")), new LinkedHashMap<>(run.environment()));

        JsonNode code = expected.get("code");
        assertEquals(code.get("remote").asText(), run.code().remote());
        assertEquals(code.get("commit").asText(), run.code().commit());
        assertEquals(code.get("program").asText(), run.code().program());
        List<String> args = new ArrayList<>();
        code.get("args").forEach(a -> args.add(a.asText()));
        assertEquals(args, run.code().args());
        assertEquals(code.get("dirty").isNull() ? null : code.get("dirty").asBoolean(), run.code().dirty());
        String patch = run.code().patch();
        assertEquals(text(code.get("patchFirstLine")), patch == null ? null : patch.lines().findFirst().orElse(""));

        List<List<String>> packages = new ArrayList<>();
        for (PackageRef p : run.packages()) {
            packages.add(java.util.Arrays.asList(p.name(), p.version(), p.manager()));
        }
        List<List<String>> expectedPackages = new ArrayList<>();
        expected.get("packages").forEach(p -> expectedPackages.add(java.util.Arrays.asList(
                p.get(0).asText(), text(p.get(1)), p.get(2).asText())));
        assertEquals(expectedPackages, packages);

        Map<String, String> summary = new TreeMap<>();
        run.summary().forEach((k, v) -> summary.put(k, Numbers.format(v)));
        Map<String, String> expectedSummary = new TreeMap<>();
        expected.get("summary").properties().forEach(e -> expectedSummary.put(e.getKey(),
                e.getValue().isNumber() ? Numbers.format(e.getValue().asDouble()) : e.getValue().asText()));
        assertEquals(expectedSummary, summary);

        assertTrue(run.metrics().isEmpty());
        List<String> artifacts = new ArrayList<>();
        expected.get("artifacts").forEach(a -> artifacts.add(a.asText()));
        assertEquals(artifacts, run.artifacts());

        List<ImportProblem> problems = result.problems();
        assertEquals(expected.get("problems").size(), problems.size(), problems.toString());
        for (int i = 0; i < problems.size(); i++) {
            assertTrue(problems.get(i).message().contains(expected.get("problems").get(i).asText()),
                    problems.get(i).toString());
        }
        assertNull(run.endTime());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return new LinkedHashMap<>(new TreeMap<>(out));
    }
}
