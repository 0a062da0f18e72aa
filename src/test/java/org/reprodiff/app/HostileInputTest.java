package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.Services;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Hostile and broken content in one project, imported as a user would (scanner, every importer, store): each bad
 * file gets a clear problem naming it, the good run beside them is imported whole, nothing hangs or runs out of
 * memory, and the folder is left as it was. (Everything runs as root, so faults are made with links, folders
 * where files belong, cut and oversized content, not permissions.)
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void good() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        Path v = Files.createDirectories(project.resolve("lightning_logs/version_0"));
        Files.writeString(v.resolve("hparams.yaml"), "lr: 0.1\n");
        Files.writeString(v.resolve("metrics.csv"), "epoch,step,loss\n0,0,2.5\n0,1,2.0\n");
    }

    private ImportReport importProject() {
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            ImportReport report = services.imports().importPaths(List.of(project), (d, t, w) -> { });
            Run good = services.runs().resolve(project.resolve("lightning_logs/version_0").toString()).run();
            assertEquals(2.0, good.metric("loss").last(), "the good run beside the bad files is whole");
            return report;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ImportProblem problemAbout(ImportReport report, String fileFragment) {
        return report.problems().stream().filter(p -> p.file().contains(fileFragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem names " + fileFragment + ": " + report.problems()));
    }

    private Path version(String name, String hparams) throws IOException {
        Path v = Files.createDirectories(project.resolve("lightning_logs").resolve(name));
        Files.writeString(v.resolve("hparams.yaml"), hparams);
        Files.writeString(v.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.0\n");
        return v;
    }

    @Test
    void yamlWithPythonTagsAliasBombsAndDeepNestingIsAProblemNotACrash() throws IOException {
        version("version_1", "a: !!python/object/apply:os.system ['echo pwned > " + dir.resolve("pwned") + "']\nb: 1\n");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        version("version_2", bomb.toString());
        version("version_3", "deep: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        Map<String, String> before = TreeSnapshot.of(project);

        ImportReport report = importProject();
        assertTrue(Files.notExists(dir.resolve("pwned")), "nothing in a file is ever executed");
        assertTrue(problemAbout(report, "version_2/hparams.yaml").message().contains("not valid YAML"));
        assertTrue(problemAbout(report, "version_3/hparams.yaml").message().contains("not valid YAML"));
        assertEquals(0, report.total().failed());
        assertEquals(before, TreeSnapshot.of(project));
    }

    @Test
    void jsonNestedThousandsDeepIsAProblem() throws IOException {
        Path run = Files.createDirectories(project.resolve("wandb/offline-run-20240101_000000-deepjson/files"));
        Files.writeString(run.resolve("config.yaml"), "lr:\n  value: 0.1\n");
        Files.writeString(run.resolve("wandb-summary.json"), "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
        Files.writeString(run.resolve("wandb-metadata.json"), "[".repeat(50_000) + "]".repeat(50_000));
        ImportReport report = importProject();
        assertTrue(problemAbout(report, "wandb-summary.json").message().toLowerCase().contains("nesting"),
                problemAbout(report, "wandb-summary.json").message());
    }

    @Test
    void aSingleLineOfHundredsOfMegabytesIsSkippedWithAProblem() throws IOException {
        Path log = Files.createDirectories(project.resolve("logs")).resolve("training_log.csv");
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) '7');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log))) {
            out.write("epoch,loss\n0,1.5\n1,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 256; i++) {
                out.write(chunk);
            }
            out.write("\n2,0.5\n".getBytes(StandardCharsets.US_ASCII));
        }
        ImportReport report = importProject();
        ImportProblem p = problemAbout(report, "training_log.csv");
        assertEquals("line 3", p.where());
        assertTrue(p.message().contains("longer than"), p.message());
    }

    @Test
    void linksLoopsAndFoldersWhereFilesBelongAreProblemsOrPassedBy() throws IOException {
        Files.createSymbolicLink(project.resolve("loop"), project);
        Path deeper = Files.createDirectories(project.resolve("a/b"));
        Files.createSymbolicLink(deeper.resolve("up"), project.resolve("a"));
        Path dangling = version("version_4", "lr: 0.2\n");
        Files.delete(dangling.resolve("metrics.csv"));
        Files.createSymbolicLink(dangling.resolve("metrics.csv"), dir.resolve("nowhere.csv"));
        Path folderAsFile = version("version_5", "lr: 0.3\n");
        Files.delete(folderAsFile.resolve("hparams.yaml"));
        Files.createDirectories(folderAsFile.resolve("hparams.yaml"));

        ImportReport report = importProject();
        assertEquals(0, report.total().failed(), report.problems().toString());
        assertTrue(problemAbout(report, "version_5/hparams.yaml").message().length() > 0);
    }

    @Test
    void namesAndContentsThatAreNotUtf8AreReadOrReported() throws Exception {
        Path bad = Files.createDirectories(project.resolve("logs"));
        Files.write(bad.resolve("metrics_latin1.csv"),
                "epoch,p\u00e9rte\n0,1.5\n1,1.25\n".getBytes(StandardCharsets.ISO_8859_1));
        Process mk = new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'run-\\377\\376')\" && printf 'epoch,loss\\n0,1\\n'"
                + " > \"$(printf 'run-\\377\\376')/training_log.csv\"").directory(bad.toFile()).start();
        assertEquals(0, mk.waitFor());
        ImportReport report = importProject();
        assertEquals(0, report.total().failed(), report.problems().toString());
    }
}
