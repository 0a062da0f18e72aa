package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.dvc.DvcFixtures.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/** Damaged DVC files become problems naming the file and place; the rest of the project is still read. */
class DvcDamageTest {
    private final DvcImporter importer = new DvcImporter(ZoneOffset.UTC);
    @TempDir
    Path tmp;

    @Test
    void aBrokenLockFileIsAProblemAndTheParamsStillImport() {
        Path dir = fixture("broken-lock");
        ImportResult result = importer.read(dir, Progress.NONE);
        assertEquals(1, result.runs().size());
        Run run = result.runs().get(0);
        assertEquals(1, result.problems().size(), result.problems().toString());
        ImportProblem p = result.problems().get(0);
        assertEquals(dir.resolve("dvc.lock").toString(), p.file());
        assertTrue(p.where().startsWith("line "), p.toString());
        assertTrue(p.message().startsWith("not valid YAML"), p.toString());
        assertEquals(result.problems(), run.problems());
        assertEquals(Map.of("lr", "0.01", "seed", "7"), DvcFixtures.params(run));
        assertEquals("7", run.seeds().get(0).value());
        assertEquals("python train.py", run.code().program(), "dvc.yaml still gives the command");
        assertTrue(run.data().isEmpty());
        assertTrue(run.notCaptured().contains(Facet.DATA), "no lock read: data not captured");
    }

    @Test
    void badEntriesAreProblemsNamingTheirPlaceAndGoodOnesAreKept() {
        Path dir = fixture("bad-entries");
        ImportResult result = importer.read(dir, Progress.NONE);
        Run run = result.runs().get(0);
        String lock = dir.resolve("dvc.lock").toString();
        assertEquals(List.of(
                new ImportProblem(lock, "stages.train.deps[1]", "entry without a path"),
                new ImportProblem(lock, "stages.train.outs", "not a list of entries"),
                new ImportProblem(lock, "stages.evaluate", "not a stage mapping")), result.problems());
        assertEquals(List.of(new DataRef("data.csv", "md5:abcdefabcdefabcdefabcdefabcdef12",
                "dvc.lock train dep (10 bytes, DVC 2 md5)")), run.data());
        assertEquals(Map.of("fetch.py", "md5:0000000000000000000000000000000f"), run.code().sourceDigests());
        assertEquals("python fetch.py && python train.py", run.code().program(), "a list cmd runs in order");
        assertTrue(run.notCaptured().contains(Facet.PARAMS), "no params file at all");
    }

    @Test
    void aFolderWhereTheLockShouldBeAndAnEmptyYamlAreProblemsOrNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        Files.createDirectories(dir.resolve("dvc.lock"));
        Files.writeString(dir.resolve("dvc.yaml"), "");
        Files.writeString(dir.resolve("params.yaml"), "- just\n- a list\n");
        ImportResult result = importer.read(dir, Progress.NONE);
        assertEquals(1, result.runs().size());
        assertEquals(List.of(
                new ImportProblem(dir.resolve("dvc.lock").toString(), "", "not a regular file"),
                new ImportProblem(dir.resolve("params.yaml").toString(), "", "not a mapping of parameters")),
                result.problems());
    }

    @Test
    void aSourceThatVanishedBeforeReadingIsOneProblemAndNoRun() {
        Path gone = tmp.resolve("gone");
        ImportResult result = importer.read(gone, Progress.NONE);
        assertEquals(List.of(), result.runs());
        assertEquals(List.of(new ImportProblem(gone.toString(), "", "vanished before it could be read")), result.problems());
    }

    @Test
    void aTruncatedExportIsOneProblemAndNoRun() throws IOException {
        Path file = tmp.resolve("exps.json");
        String whole = Files.readString(fixture("exp-show/exp-show-list.json"));
        Files.writeString(file, whole.substring(0, whole.length() / 2));
        assertTrue(importer.canRead(file), "the head still says exp show");
        ImportResult result = importer.read(file, Progress.NONE);
        assertEquals(0, result.runs().size());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().startsWith("not valid JSON"), result.problems().toString());
    }
}
