package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.dvc.DvcFixtures.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.csv.CsvLogImporter;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The hand-made DVC project in {@code fixtures/dvc/project/} against {@code fixtures/dvc/project.expected.json}
 * (worked out by hand from the files), and how the scanner sees the fixture tree when the DVC, DVCLive and CSV
 * importers are all present.
 */
class DvcImporterTest {
    private final DvcImporter importer = new DvcImporter(ZoneOffset.UTC);

    @Test
    void readsTheProjectAsItsExpectedRun() throws Exception {
        Path dir = fixture("project");
        JsonNode exp = LenientJson.mapper().readTree(fixture("project.expected.json").toFile());
        ImportResult result = importer.read(dir, Progress.NONE);
        assertEquals(1, result.runs().size());
        Run run = result.runs().get(0);
        assertEquals(exp.get("problems").asInt(), result.problems().size(), result.problems().toString());
        assertEquals("dvc", run.format());
        assertEquals(dir.toRealPath().toString(), run.source());
        assertEquals(exp.get("nativeId").asText(), run.nativeId());
        assertEquals(exp.get("name").asText(), run.name());

        assertEquals(texts(exp.get("params")), DvcFixtures.params(run));
        Map<String, String> seeds = new TreeMap<>();
        for (SeedRecord s : run.seeds()) {
            seeds.put(s.key(), s.value());
        }
        assertEquals(texts(exp.get("seeds")), seeds);
        assertEquals(texts(exp.get("tags")), run.tags());

        assertNull(run.code().program());
        assertEquals(texts(exp.get("sources")), new TreeMap<>(run.code().sourceDigests()));
        List<List<String>> data = new ArrayList<>();
        for (DataRef d : run.data()) {
            data.add(List.of(d.name(), d.digest(), d.origin()));
        }
        List<List<String>> expectedData = new ArrayList<>();
        exp.get("data").forEach(d -> expectedData.add(List.of(d.get(0).asText(), d.get(1).asText(), d.get(2).asText())));
        assertEquals(expectedData, data);
        List<String> artifacts = new ArrayList<>();
        exp.get("artifacts").forEach(a -> artifacts.add(a.asText()));
        assertEquals(artifacts, run.artifacts());

        assertEquals(new TreeSet<>(list(exp.get("metrics").fieldNames())), keys(run));
        exp.get("metrics").fields().forEachRemaining(e -> {
            MetricSeries s = run.metric(e.getKey());
            List<Long> steps = new ArrayList<>();
            e.getValue().get("steps").forEach(n -> steps.add(n.asLong()));
            assertEquals(steps, DvcFixtures.steps(s), e.getKey());
            List<Double> values = new ArrayList<>();
            e.getValue().get("values").forEach(n -> values.add(Numbers.parse(n.asText())));
            assertEquals(values, DvcFixtures.values(s), e.getKey());
            List<Long> times = new ArrayList<>();
            e.getValue().get("times").forEach(n -> times.add(n.isNull() ? MetricSeries.NO_TIME : n.asLong()));
            List<Long> actualTimes = new ArrayList<>();
            for (long t : s.wallTimes()) {
                actualTimes.add(t);
            }
            assertEquals(times, actualTimes, e.getKey());
        });
        Map<String, Double> summary = new TreeMap<>();
        exp.get("summary").fields().forEachRemaining(e -> summary.put(e.getKey(), Numbers.parse(e.getValue().asText())));
        assertEquals(summary, run.summary());
        assertEquals(Instant.parse(exp.get("startTime").asText()), run.startTime());
        assertEquals(Instant.parse(exp.get("endTime").asText()), run.endTime());
        List<String> notCaptured = new ArrayList<>();
        run.notCaptured().forEach(f -> notCaptured.add(f.id()));
        List<String> expectedGaps = new ArrayList<>();
        exp.get("notCaptured").forEach(n -> expectedGaps.add(n.asText()));
        assertEquals(new TreeSet<>(expectedGaps), new TreeSet<>(notCaptured));
        assertFalse(run.truncated());
    }

    @Test
    void theProjectOwnsItsSubtreeSoNoTsvOrDataCsvBecomesACsvRun() throws Exception {
        Path root = fixture("");
        ImporterCatalog catalog = new ImporterCatalog(List.of(new CsvLogImporter(), importer, new DvcLiveImporter()));
        List<String> visited = new ArrayList<>();
        ProjectScanner.ScanResult scan = new ProjectScanner(catalog).scan(root, (done, total, what) -> visited.add(what));
        Map<String, String> sources = new LinkedHashMap<>();
        scan.sources().forEach(s -> sources.put(DvcFixtures.slashed(root, s.path()), s.importer().formatId()));
        Map<String, String> expected = new TreeMap<>(Map.of(
                "project", "dvc",
                "broken-lock", "dvc",
                "bad-entries", "dvc",
                "live/dvclive", "dvclive",
                "legacy/logs", "dvclive",
                "scalars/dvclive", "dvclive",
                "exp-show/exp-show-list.json", "dvc",
                "exp-show/exp-show-object.json", "dvc"));
        assertEquals(expected, new TreeMap<>(sources));
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        String project = fixture("project").toAbsolutePath().normalize().toString();
        assertFalse(visited.stream().anyMatch(v -> v.startsWith(project + "/")),
                "no folder below the project is walked: " + visited);
    }

    @Test
    void sniffsOnlyWhatIsDvcs() {
        assertTrue(importer.canRead(fixture("project")));
        assertFalse(importer.canRead(fixture("project/dvclive")), "a DVCLive folder inside a project is not a project");
        assertFalse(importer.canRead(fixture("live/dvclive")), "DVCLive 2.x's own dvc.yaml does not make a pipeline");
        assertTrue(importer.canRead(fixture("exp-show/exp-show-list.json")));
        assertTrue(importer.canRead(fixture("exp-show/exp-show-object.json")));
        assertFalse(importer.canRead(fixture("exp-show/decoy-notes.json")));
        assertFalse(importer.canRead(fixture("exp-show/single-object.json")));
        assertFalse(importer.canRead(fixture("project/scores.json")));
        assertFalse(importer.canRead(fixture("exp-show")));
        assertTrue(importer.ownsSubtree());
    }

    @Test
    void readingWritesNothing() throws Exception {
        Path root = fixture("");
        Map<String, String> before = TreeSnapshot.of(root);
        for (String source : List.of("project", "broken-lock", "bad-entries", "exp-show/exp-show-list.json")) {
            importer.read(fixture(source), Progress.NONE);
        }
        new DvcLiveImporter().read(fixture("live/dvclive"), Progress.NONE);
        assertEquals(before, TreeSnapshot.of(root));
    }

    @Test
    void capturesDataAndCodeFacets() {
        Run run = importer.read(fixture("project"), Progress.NONE).runs().get(0);
        assertFalse(run.notCaptured().contains(Facet.DATA));
        assertFalse(run.notCaptured().contains(Facet.CODE));
        assertFalse(run.notCaptured().contains(Facet.PARAMS));
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static <T> List<T> list(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static TreeSet<String> keys(Run run) {
        TreeSet<String> out = new TreeSet<>();
        run.metrics().forEach(m -> out.add(m.key()));
        return out;
    }
}
