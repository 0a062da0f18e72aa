package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Damaged stores built in a temporary folder. Tests run as root, so faults are made with dangling links,
 * folders where files belong and files cut short, never with permissions. Each fault gives a problem naming
 * the file (as found: absolute, normalised, links not resolved) and the place in it; the other runs import.
 */
class MlflowFileStoreFaultTest {
    private static final String GOOD = "aaaa0000aaaa0000aaaa0000aaaa0000";

    private final MlflowFileStoreImporter importer = new MlflowFileStoreImporter();

    @TempDir
    Path tmp;
    private Path store;
    private Path experiment;

    @BeforeEach
    void createStore() throws IOException {
        store = tmp.resolve("mlruns");
        experiment = store.resolve("1");
        write(experiment.resolve("meta.yaml"), """
                artifact_location: file:///x/mlruns/1
                experiment_id: '1'
                lifecycle_stage: active
                name: faults
                """);
        run(GOOD);
        write(experiment.resolve(GOOD).resolve("params/lr"), "0.1");
    }

    @Test
    void damagedMetaYamlFailsOnlyThatRun() throws IOException {
        Path bad = experiment.resolve("bbbb0000bbbb0000bbbb0000bbbb0000");
        write(bad.resolve("meta.yaml"), "run_uuid: bbbb0000bbbb0000bbbb0000bbbb0000\nstatus: 3\n  nested: wrong\n");

        Map<Path, ImportResult> results = readAll();
        ImportResult failed = results.get(bad);
        assertEquals(List.of(), failed.runs());
        ImportProblem p = single(failed.problems());
        assertEquals(bad.resolve("meta.yaml").toString(), p.file());
        assertEquals("line 3", p.where());
        assertTrue(p.message().startsWith("not valid YAML: mapping values are not allowed here"), p.message());
        assertEquals(1, results.get(experiment.resolve(GOOD)).runs().size());
    }

    @Test
    void emptyMetaYamlFailsWithoutALine() throws IOException {
        Path empty = experiment.resolve("cccc0000cccc0000cccc0000cccc0000");
        write(empty.resolve("meta.yaml"), "");
        ImportResult result = importer.read(empty, Progress.NONE);
        assertEquals(List.of(), result.runs());
        ImportProblem p = single(result.problems());
        assertEquals(empty.resolve("meta.yaml").toString(), p.file());
        assertEquals("", p.where());
        assertTrue(p.message().contains("empty"), p.message());
    }

    @Test
    void metaYamlThatIsAFolderOrADanglingLinkIsAUnitThatFails() throws IOException {
        Path folder = experiment.resolve("dddd0000dddd0000dddd0000dddd0000");
        Files.createDirectories(folder.resolve("meta.yaml"));
        Path dangling = experiment.resolve("eeee0000eeee0000eeee0000eeee0000");
        Files.createDirectories(dangling);
        Files.createSymbolicLink(dangling.resolve("meta.yaml"), tmp.resolve("gone.yaml"));

        Map<Path, ImportResult> results = readAll();
        assertEquals(3, results.size());
        ImportProblem p = single(results.get(folder).problems());
        assertEquals(folder.resolve("meta.yaml").toString(), p.file());
        assertEquals("cannot be read: a folder where a file is expected", p.message());
        ImportProblem q = single(results.get(dangling).problems());
        assertEquals(dangling.resolve("meta.yaml").toString(), q.file());
        assertTrue(q.message().startsWith("cannot be read: dangling link to "), q.message());
    }

    @Test
    void garbageMetricLineIsAProblemAndTheRestOfTheFileImports() throws IOException {
        Path dir = experiment.resolve(GOOD);
        write(dir.resolve("metrics/loss"), "1000 0.5 0\nthis is not a point\n3000 0.25 2\n");

        Run run = readGood();
        ImportProblem p = single(run.problems());
        assertEquals(dir.resolve("metrics/loss").toString(), p.file());
        assertEquals("line 2", p.where());
        assertEquals("metric loss: timestamp is not an integer in 'this is not a point'", p.message());
        MetricSeries loss = run.metric("loss");
        assertEquals(2, loss.size());
        assertEquals(0.25, loss.last());
        assertEquals(2, loss.lastStep());
        assertFalse(run.truncated());
    }

    @Test
    void lastLineCutShortMarksTheRunTruncated() throws IOException {
        write(experiment.resolve(GOOD).resolve("metrics/acc"), "1000 0.5 0\n2000 0.75 1\n30");
        Run run = readGood();
        ImportProblem p = single(run.problems());
        assertEquals("line 3", p.where());
        assertTrue(run.truncated());
        assertEquals(2, run.metric("acc").size());
    }

    @Test
    void danglingParamLinkIsAProblemAndOtherParamsImport() throws IOException {
        Path link = experiment.resolve(GOOD).resolve("params/momentum");
        Files.createSymbolicLink(link, tmp.resolve("nowhere/momentum"));

        Run run = readGood();
        ImportProblem p = single(run.problems());
        assertEquals(link.toString(), p.file());
        assertEquals("", p.where());
        assertEquals("param 'momentum' cannot be read: dangling link to " + tmp.resolve("nowhere/momentum"), p.message());
        assertEquals("0.1", run.param("lr").value().raw());
    }

    @Test
    void folderWhereAMetricFileIsExpectedIsAProblem() throws IOException {
        Path dir = experiment.resolve(GOOD);
        Files.createDirectories(dir.resolve("metrics/accuracy"));
        write(dir.resolve("metrics/loss"), "1000 0.5 0\n");

        Run run = readGood();
        ImportProblem p = single(run.problems());
        assertEquals(dir.resolve("metrics/accuracy").toString(), p.file());
        assertEquals("", p.where());
        assertTrue(p.message().startsWith("an empty folder where a metric file is expected"), p.message());
        assertEquals(1, run.metrics().size());
    }

    @Test
    void danglingTagLinkIsAProblem() throws IOException {
        Path link = experiment.resolve(GOOD).resolve("tags/mlflow.user");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, tmp.resolve("missing-user"));
        Run run = readGood();
        assertEquals(link.toString(), single(run.problems()).file());
    }

    @Test
    void unreadableExperimentMetaFallsBackToTheExperimentId() throws IOException {
        write(experiment.resolve("meta.yaml"), "name: [unclosed\n");
        Run run = readGood();
        assertEquals("1", run.experiment());
        ImportProblem p = single(run.problems());
        assertEquals(experiment.resolve("meta.yaml").toString(), p.file());
        assertTrue(p.message().startsWith("experiment meta.yaml not valid YAML"), p.message());
    }

    @Test
    void runProblemsAreOnTheRunAndInTheResult() throws IOException {
        write(experiment.resolve(GOOD).resolve("metrics/loss"), "garbage\n");
        ImportResult result = importer.read(experiment.resolve(GOOD), Progress.NONE);
        assertEquals(1, result.problems().size());
        assertEquals(result.problems(), result.runs().get(0).problems());
    }

    @Test
    void problemFilesAreThePathsAsFoundNotLinkTargets() throws IOException {
        Path linkedStore = tmp.resolve("linked-mlruns");
        Files.createSymbolicLink(linkedStore, store);
        write(experiment.resolve(GOOD).resolve("metrics/loss"), "1 2 x\n");
        Path unit = linkedStore.resolve("1").resolve(GOOD);
        ImportResult result = importer.read(unit, Progress.NONE);
        assertEquals(unit.resolve("metrics/loss").toString(), single(result.problems()).file());
        assertEquals(experiment.resolve(GOOD).toRealPath().toString(), result.runs().get(0).source());
    }

    @Test
    void readingWritesNothing() throws IOException {
        write(experiment.resolve(GOOD).resolve("metrics/loss"), "1000 nan 0\nbad\n");
        Files.createSymbolicLink(experiment.resolve(GOOD).resolve("params/gone"), tmp.resolve("gone"));
        Map<String, String> before = snapshot(tmp);
        for (Path unit : importer.units(store)) {
            importer.read(unit, Progress.NONE);
        }
        importer.canRead(store);
        assertEquals(before, snapshot(tmp));
    }

    private Run readGood() {
        ImportResult result = importer.read(experiment.resolve(GOOD), Progress.NONE);
        assertEquals(1, result.runs().size());
        return result.runs().get(0);
    }

    private Map<Path, ImportResult> readAll() throws IOException {
        assertTrue(importer.canRead(store));
        Map<Path, ImportResult> results = new TreeMap<>();
        for (Path unit : importer.units(store)) {
            results.put(unit, importer.read(unit, Progress.NONE));
        }
        return results;
    }

    private void run(String id) throws IOException {
        write(experiment.resolve(id).resolve("meta.yaml"), """
                artifact_uri: file:///x/mlruns/1/%1$s/artifacts
                end_time: 2000
                experiment_id: '1'
                lifecycle_stage: active
                run_id: %1$s
                run_name: good
                run_uuid: %1$s
                start_time: 1000
                status: 3
                user_id: tester
                """.formatted(id));
    }

    private static ImportProblem single(List<ImportProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Every entry under {@code dir} with a hash of its content (or its link target). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p)) {
                    what = "dir";
                } else {
                    what = sha256(Files.readAllBytes(p));
                }
                entries.put(dir.relativize(p).toString(), what);
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
