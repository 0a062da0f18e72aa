package org.reprodiff.ingest.guild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.tensorboard.TensorboardImporter;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.sample.EventFileWriter;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Hand-made Guild runs in {@code src/test/resources/fixtures/guild/<case>/}, each with an {@code expected.json}
 * worked out by hand from the attribute files. The event files are written by {@link EventFileWriter} into a copy
 * of the fixture, with values exact in 32 bits (0.5, 0.25, 0.125, 0.75) so the expected values need no rounding.
 */
class GuildImporterTest {
    private static final String MINIMAL_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private final GuildImporter importer = new GuildImporter();

    @TempDir
    Path tmp;

    @Test
    void readsTheMinimalRunAsExpected() throws Exception {
        Path root = copyOfFixture("minimal");
        writeEvents(root.resolve(MINIMAL_ID));
        JsonNode expected = LenientJson.mapper().readTree(fixture("minimal").resolve("expected.json").toFile());

        expected.get("canRead").properties().forEach(e -> assertEquals(e.getValue().asBoolean(),
                importer.canRead(root.resolve(e.getKey()).normalize()), "canRead " + e.getKey()));
        List<String> sources = new ArrayList<>();
        new ProjectScanner(new ImporterCatalog(List.of(new TensorboardImporter(), importer))).scan(root, Progress.NONE)
                .sources().forEach(s -> sources.add(s.importer().formatId() + ":" + root.toAbsolutePath().normalize().relativize(s.path())));
        List<String> expectedSources = new ArrayList<>();
        expected.get("sources").forEach(s -> expectedSources.add("guild:" + s.asText()));
        assertEquals(expectedSources, sources, "the Guild run owns its event files and its nested target/");

        Path unit = root.resolve(MINIMAL_ID);
        assertEquals(List.of(unit), importer.units(unit));
        ImportResult result = importer.read(unit, Progress.NONE);
        assertEquals(1, result.runs().size(), "the nested target/ run is not read as a second run");
        assertRun(expected.get("run"), result.runs().get(0), unit);
        assertEquals(List.of(), result.problems());
    }

    @Test
    void badAttributesBecomeProblemsWhileTheRestImports() throws Exception {
        Path dir = fixture("bad-attrs");
        JsonNode exp = LenientJson.mapper().readTree(dir.resolve("expected.json").toFile()).get("run");
        Path unit = dir.resolve(exp.get("nativeId").asText());
        ImportResult result = importer.read(unit, Progress.NONE);

        Run run = result.runs().get(0);
        assertEquals(RunStatus.valueOf(exp.get("status").asText()), run.status());
        assertEquals(exp.get("experiment").asText(), run.experiment());
        assertEquals(List.of(new SeedRecord("random_seed", exp.get("seed").asText(), "guild.random_seed")), run.seeds());
        assertEquals(exp.get("host").asText(), run.host());
        assertTrue(run.params().isEmpty());
        assertTrue(run.notCaptured().contains(Facet.PARAMS));
        assertNull(run.startTime());

        List<String> files = new ArrayList<>();
        result.problems().forEach(p -> files.add(Path.of(p.file()).getFileName().toString()));
        List<String> expectedFiles = new ArrayList<>();
        exp.get("problemFiles").forEach(f -> expectedFiles.add(f.asText()));
        files.sort(null);
        assertEquals(expectedFiles, files, result.problems().toString());
        ImportProblem flags = problemOf(result, "flags");
        assertTrue(flags.message().startsWith("not valid YAML"), flags.toString());
        assertEquals("line 2", flags.where(), "the unclosed '[' of line 1 is noticed on line 2");
        assertTrue(problemOf(result, "started").message().contains("whole number"), result.problems().toString());
        assertEquals(result.problems(), run.problems());
    }

    @Test
    void statusFollowsGuildsMarkersBeforeTheExitStatus() throws IOException {
        assertEquals(RunStatus.RUNNING, statusOf("0", "LOCK.remote"));
        assertEquals(RunStatus.SCHEDULED, statusOf("1", "PENDING"));
        assertEquals(RunStatus.SCHEDULED, statusOf("1", "STAGED"));
        assertEquals(RunStatus.FINISHED, statusOf("0", null));
        assertEquals(RunStatus.KILLED, statusOf("-16", null));
        assertEquals(RunStatus.FAILED, statusOf("3", null));
        assertEquals(RunStatus.RUNNING, statusOf(null, "LOCK"));
        assertEquals(RunStatus.FAILED, statusOf(null, null), "Guild shows a run that ended without an exit status as an error");
        assertEquals(RunStatus.UNKNOWN, statusOf("", null), "an exit status cut off to nothing");
        assertEquals(RunStatus.UNKNOWN, statusOf("exited", null));
    }

    @Test
    void aFolderWithOnlyAnOprefIsARunOfUnknownStatus() throws IOException {
        Path run = tmp.resolve("only-opref");
        Files.createDirectories(run.resolve(".guild"));
        Files.writeString(run.resolve(".guild/opref"), "package:fashion 1.0 fashion train\n");
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(RunStatus.UNKNOWN, r.status());
        assertEquals("fashion:train", r.name());
        assertEquals("fashion:train", r.code().program());
    }

    @Test
    void aRunInGuildsTrashIsFlaggedDeleted() throws IOException {
        Path run = tmp.resolve("guild-home/trash/runs/abc");
        Files.createDirectories(run.resolve(".guild/attrs"));
        Files.writeString(run.resolve(".guild/attrs/exit_status"), "0\n");
        assertTrue(importer.read(run, Progress.NONE).runs().get(0).deleted());
        Path live = tmp.resolve("guild-home/runs/def");
        Files.createDirectories(live.resolve(".guild/attrs"));
        assertFalse(importer.read(live, Progress.NONE).runs().get(0).deleted());
    }

    @Test
    void aCleanCommitIsNotDirtyAndKeepsANonGitValueWhole() throws IOException {
        Path run = tmp.resolve("clean");
        Files.createDirectories(run.resolve(".guild/attrs"));
        Files.writeString(run.resolve(".guild/attrs/vcs_commit"), "git:abc123\n");
        CodeState code = importer.read(run, Progress.NONE).runs().get(0).code();
        assertEquals("abc123", code.commit());
        assertEquals(Boolean.FALSE, code.dirty());
    }

    @Test
    void aDamagedManifestEntryIsAProblemAndTheOthersCount() throws IOException {
        Path run = tmp.resolve("manifest");
        Files.createDirectories(run.resolve(".guild/attrs"));
        Files.writeString(run.resolve(".guild/manifest"),
                "s train.py 1111111111111111111111111111111111111111 train.py\n"
                        + "s 'cut off\n"
                        + "d data.csv 4444444444444444444444444444444444444444 file:data.csv\n");
        ImportResult result = importer.read(run, Progress.NONE);
        Run r = result.runs().get(0);
        assertEquals(Map.of("train.py", "1111111111111111111111111111111111111111"), r.code().sourceDigests());
        assertEquals(List.of(new DataRef("data.csv", "4444444444444444444444444444444444444444", "guild manifest")), r.data());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("line 2", result.problems().get(0).where());
    }

    @Test
    void readingLeavesTheFixturesUnchanged() throws IOException {
        Path dir = fixture("minimal").getParent();
        Map<String, String> before = TreeSnapshot.of(dir);
        for (String unit : List.of("minimal/" + MINIMAL_ID, "bad-attrs/badattrs00000000000000000000000")) {
            importer.read(dir.resolve(unit), Progress.NONE);
        }
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void aVanishedFolderIsAProblemAndCanReadNeverThrows() {
        ImportResult result = importer.read(tmp.resolve("gone"), Progress.NONE);
        assertEquals(List.of(), result.runs());
        assertEquals(1, result.problems().size());
        assertFalse(importer.canRead(null));
        assertFalse(importer.canRead(Path.of("/no/such/folder/anywhere")));
        assertTrue(importer.ownsSubtree());
        assertEquals("guild", importer.formatId());
    }

    private static ImportProblem problemOf(ImportResult result, String attr) {
        return result.problems().stream().filter(p -> Path.of(p.file()).getFileName().toString().equals(attr))
                .findFirst().orElseThrow();
    }

    private RunStatus statusOf(String exitStatus, String marker) throws IOException {
        Path run = Files.createTempDirectory(tmp, "run");
        Files.createDirectories(run.resolve(".guild/attrs"));
        if (exitStatus != null) {
            Files.writeString(run.resolve(".guild/attrs/exit_status"), exitStatus);
        }
        if (marker != null) {
            Files.writeString(run.resolve(".guild").resolve(marker), "");
        }
        return importer.read(run, Progress.NONE).runs().get(0).status();
    }

    /** loss at steps 0–2 in .guild/, acc at step 1 in logs/train/, and a loss in the nested run's .guild/. */
    private static void writeEvents(Path run) throws IOException {
        try (EventFileWriter w = EventFileWriter.create(
                run.resolve(".guild").resolve(EventFileWriter.fileName(1700000001, "trainbox", 1, 0)), 1700000001.0)) {
            w.scalar("loss", 0, 0.5f, 1700000001.0).scalar("loss", 1, 0.25f, 1700000002.0)
                    .scalar("loss", 2, 0.125f, 1700000003.5);
        }
        Path logs = Files.createDirectories(run.resolve("logs/train"));
        try (EventFileWriter w = EventFileWriter.create(
                logs.resolve(EventFileWriter.fileName(1700000002, "trainbox", 1, 1)), 1700000002.0)) {
            w.scalar("acc", 1, 0.75f, 1700000002.0);
        }
        try (EventFileWriter w = EventFileWriter.create(
                run.resolve("target/.guild").resolve(EventFileWriter.fileName(1690000000, "other", 2, 0)), 1690000000.0)) {
            w.scalar("loss", 0, 0.875f, 1690000000.0);
        }
    }

    private void assertRun(JsonNode exp, Run run, Path unit) throws IOException {
        assertEquals("guild", run.format());
        assertEquals(unit.toRealPath().toString(), run.source());
        assertEquals(exp.get("nativeId").asText(), run.nativeId());
        assertEquals(exp.get("name").asText(), run.name());
        assertEquals(exp.get("experiment").asText(), run.experiment());
        assertEquals(RunStatus.valueOf(exp.get("status").asText()), run.status());
        assertEquals(exp.get("user").asText(), run.user());
        assertEquals(Instant.parse(exp.get("startTime").asText()), run.startTime());
        assertEquals(Instant.parse(exp.get("endTime").asText()), run.endTime());
        assertFalse(run.truncated());
        assertFalse(run.deleted());

        Map<String, String> params = new TreeMap<>();
        run.params().forEach(p -> params.put(p.key(), p.value().raw()));
        assertEquals(strings(exp.get("params")), params);
        strings(exp.get("paramTypes")).forEach((k, t) -> assertEquals(t, run.param(k).value().type().name(), k));
        List<SeedRecord> seeds = new ArrayList<>();
        exp.get("seeds").forEach(s -> seeds.add(new SeedRecord(s.get("key").asText(), s.get("value").asText(),
                s.get("origin").asText())));
        assertEquals(seeds, run.seeds());

        assertEquals(exp.get("commit").asText(), run.code().commit());
        assertEquals(exp.get("dirty").asBoolean(), run.code().dirty());
        assertEquals(exp.get("program").asText(), run.code().program());
        assertEquals(List.of(), run.code().args(), "the command line carries the flags: kept as a tag, not as arguments");
        assertEquals(strings(exp.get("sourceDigests")), new TreeMap<>(run.code().sourceDigests()));

        assertEquals(strings(exp.get("environment")), run.environment());
        Map<String, String> packages = new TreeMap<>();
        for (PackageRef p : run.packages()) {
            packages.put(p.name(), p.version());
            assertEquals("pip", p.manager());
        }
        assertEquals(strings(exp.get("packages")), packages);
        List<DataRef> data = new ArrayList<>();
        exp.get("data").forEach(d -> data.add(new DataRef(d.get("name").asText(),
                d.get("digest").isNull() ? null : d.get("digest").asText(), d.get("origin").asText())));
        assertEquals(data, run.data());
        assertEquals(strings(exp.get("tags")), run.tags());
        List<String> artifacts = new ArrayList<>();
        exp.get("artifacts").forEach(a -> artifacts.add(a.asText()));
        assertEquals(artifacts, run.artifacts());

        List<String> keys = new ArrayList<>();
        exp.get("metrics").properties().forEach(e -> keys.add(e.getKey()));
        keys.sort(null);
        assertEquals(keys, run.metrics().stream().map(MetricSeries::key).toList());
        exp.get("metrics").properties().forEach(e -> {
            MetricSeries s = run.metric(e.getKey());
            assertNotNull(s, e.getKey());
            assertArrayEquals(longs(e.getValue().get("steps")), s.steps(), e.getKey() + " steps");
            assertArrayEquals(doubles(e.getValue().get("values")), s.values(), e.getKey() + " values");
            assertArrayEquals(longs(e.getValue().get("wallTimes")), s.wallTimes(), e.getKey() + " wall times");
        });
        Set<Facet> notCaptured = EnumSet.noneOf(Facet.class);
        exp.get("notCaptured").forEach(f -> notCaptured.add(Facet.fromId(f.asText())));
        assertEquals(notCaptured, run.notCaptured());
        assertEquals(exp.get("problems").asInt(), run.problems().size(), run.problems().toString());
        assertEquals("trainbox", run.environment().get(EnvironmentKeys.HOST));
    }

    private Path copyOfFixture(String name) throws IOException {
        Path from = fixture(name);
        Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static Path fixture(String name) {
        try {
            return Path.of(GuildImporterTest.class.getResource("/fixtures/guild/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static long[] longs(JsonNode node) {
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asLong();
        }
        return out;
    }

    private static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }
}
