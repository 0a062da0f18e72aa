package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's fingerprint follows the files its run is read from and nothing else: a new file deep in a data
 * folder does not change it (the folder is not walked), an appended DVCLive row, an edited params file or lock does.
 */
class DvcFingerprintTest {
    @TempDir
    Path tmp;
    private Path project;
    private final DvcImporter importer = new DvcImporter();

    @BeforeEach
    void copyProject() throws IOException {
        Path from = DvcFixtures.fixture("project");
        project = tmp.resolve("project");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = project.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void dataFolderContentsDoNotCountButWhatTheRunIsReadFromDoes() throws IOException {
        String before = importer.fingerprint(project);
        assertEquals(before, importer.fingerprint(project), "stable");
        Path deep = Files.createDirectories(project.resolve("data/prepared/images/batch-7"));
        Files.writeString(deep.resolve("img-000001.png"), "not read");
        Files.createDirectories(project.resolve(".dvc/cache/ab"));
        Files.writeString(project.resolve(".dvc/cache/ab/cdef"), "cached blob");
        assertEquals(before, importer.fingerprint(project), "data and cache folders are not walked");

        Files.writeString(project.resolve("dvclive/plots/metrics/train/loss.tsv"), "1700000003000\t3\t0.125\n",
                StandardOpenOption.APPEND);
        String appended = importer.fingerprint(project);
        assertNotEquals(before, appended, "a DVCLive row was appended");

        Files.writeString(project.resolve("config/model.yaml"), "model:\n  units: 256\n");
        String edited = importer.fingerprint(project);
        assertNotEquals(appended, edited, "a params file dvc.yaml names was edited");

        Files.writeString(project.resolve("data/prepared/labels.csv.dvc"), "outs:\n- md5: 00\n  path: labels.csv\n");
        assertNotEquals(edited, importer.fingerprint(project), "a .dvc file of a dependency folder changed");
    }

    @Test
    void anExportIsFingerprintedAsAFile() throws IOException {
        Path export = DvcFixtures.fixture("exp-show/exp-show-list.json");
        assertEquals("file " + Files.size(export) + " " + Files.getLastModifiedTime(export).toMillis(),
                importer.fingerprint(export));
    }
}
