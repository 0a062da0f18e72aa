package org.reprodiff.ingest.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/** Hydra output folders that are damaged, partial or laid out unusually, built in a temporary folder. */
class HydraDamageTest {
    private final HydraImporter importer = new HydraImporter(ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void badOverridesFileIsAProblemWithItsLineAndHydraYamlGivesTheOverrides() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "lr: 0.5\n", "- lr=0.5\n- [unclosed\n",
                "hydra:\n  overrides:\n    task:\n    - lr=0.5\n  job:\n    name: fit\n");
        ImportResult result = importer.read(run, Progress.NONE);
        Run r = result.runs().get(0);
        assertEquals(1, result.problems().size(), result.problems().toString());
        ImportProblem p = result.problems().get(0);
        assertTrue(p.file().endsWith("overrides.yaml"), p.file());
        assertTrue(p.where().startsWith("line "), p.where());
        assertEquals(List.of("lr=0.5"), r.code().args());
        assertEquals("0.5", r.param("lr").value().raw());
        assertEquals(r.problems(), result.problems());
    }

    @Test
    void emptyConfigMarksTheRunTruncatedAndParamsNotCaptured() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "", null, null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertTrue(r.truncated());
        assertTrue(r.notCaptured().contains(Facet.PARAMS));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("empty"), r.problems().toString());
    }

    @Test
    void emptyMappingIsCapturedWithoutParameters() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "{}\n", "[]\n", null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(List.of(), r.params());
        assertTrue(!r.notCaptured().contains(Facet.PARAMS));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.code().args());
        assertTrue(!r.tags().containsKey("hydra.overrides"));
    }

    @Test
    void configThatIsNotAMappingIsAProblem() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "- a\n- b\n", null, null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals(1, r.problems().size());
        assertTrue(r.notCaptured().contains(Facet.PARAMS));
    }

    @Test
    void unparsableConfigKeepsTheRunWithAProblemNamingTheLine() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "a: 1\nb: [2\nc: 3\n", null, null);
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).where().startsWith("line "), result.problems().toString());
    }

    @Test
    void configVanishedBeforeReadingGivesNoRunAndAProblem() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "a: 1\n", null, null);
        Files.delete(run.resolve(".hydra/config.yaml"));
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(List.of(), result.runs());
        assertEquals(1, result.problems().size());
    }

    @Test
    void missingHydraYamlLeavesNameAndProgramUnknown() throws IOException {
        Path run = outputFolder("outputs/2024-01-02/03-04-05", "seed: 7\n", "- seed=7\n", null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertNull(r.name());
        assertNull(r.code().program());
        assertEquals(List.of("seed=7"), r.code().args());
        assertEquals("7", r.seeds().get(0).value());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void sweepMemberIsKnownByTheSweepsMultirunFileWhenHydraGivesNoJobNumber() throws IOException {
        Path member = outputFolder("multirun/2020-12-31/23-59-58/3", "x: 1\n", null,
                "hydra:\n  job:\n    name: app\n    num: ???\n");
        Files.writeString(member.getParent().resolve("multirun.yaml"), "x: 1\n");
        Run r = importer.read(member, Progress.NONE).runs().get(0);
        assertEquals("2020-12-31/23-59-58/3", r.nativeId());
        assertEquals("2020-12-31/23-59-58", r.experiment());
        assertEquals(Instant.parse("2020-12-31T23:59:58Z"), r.startTime());
        assertTrue(!importer.canRead(member.getParent()));
    }

    @Test
    void customRunFolderWithDateAndTimeInOneNameGivesTheStartTime() throws IOException {
        Path run = outputFolder("runs/2023-05-06_07-08-09", "x: 1\n", null, null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals("runs/2023-05-06_07-08-09", r.nativeId());
        assertEquals(Instant.parse("2023-05-06T07:08:09Z"), r.startTime());
    }

    @Test
    void folderNamesWithoutATimeGiveNoStartTime() throws IOException {
        Path run = outputFolder("experiments/baseline", "x: 1\n", null, null);
        Run r = importer.read(run, Progress.NONE).runs().get(0);
        assertEquals("experiments/baseline", r.nativeId());
        assertNull(r.startTime());
    }

    @Test
    void folderTimesAreLocalTimesOfTheChosenZone() throws IOException {
        Path run = outputFolder("outputs/2021-08-14/12-30-45", "x: 1\n", null, null);
        Run r = new HydraImporter(ZoneId.of("Europe/Berlin")).read(run, Progress.NONE).runs().get(0);
        assertEquals(Instant.parse("2021-08-14T10:30:45Z"), r.startTime(), "12:30:45 in Berlin summer time is UTC+2");
    }

    @Test
    void fileNamedLikeAnOutputFolderIsNotOne() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertTrue(!importer.canRead(file));
        Path onlyHydraDir = Files.createDirectories(tmp.resolve("conf/.hydra"));
        Files.writeString(onlyHydraDir.resolve("hydra.yaml"), "hydra:\n  run:\n    dir: x\n");
        assertTrue(!importer.canRead(onlyHydraDir.getParent()), "an old-style .hydra customisation folder is not a run");
    }

    private Path outputFolder(String relative, String config, String overrides, String hydra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(relative));
        Path meta = Files.createDirectories(dir.resolve(".hydra"));
        Files.write(meta.resolve("config.yaml"), config.getBytes(StandardCharsets.UTF_8));
        if (overrides != null) {
            Files.writeString(meta.resolve("overrides.yaml"), overrides);
        }
        if (hydra != null) {
            Files.writeString(meta.resolve("hydra.yaml"), hydra);
        }
        assertTrue(importer.canRead(dir));
        return dir;
    }
}
