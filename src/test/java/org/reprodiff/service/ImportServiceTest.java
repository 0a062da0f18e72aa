package org.reprodiff.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.ToyImporter;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunSummary;
import org.reprodiff.store.SqliteRunStore;

class ImportServiceTest {
    @TempDir
    Path dir;
    private Path project;
    private ToyImporter toy;
    private SqliteRunStore store;
    private ImportService service;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("toy.store"), "");
        for (int i = 1; i <= 3; i++) {
            writeRun("r" + i, "run" + i + "\n0.00" + i);
        }
        toy = new ToyImporter();
        store = SqliteRunStore.open(dir.resolve("db/runs.db"));
        service = new ImportService(new ProjectScanner(new ImporterCatalog(List.of(toy))), store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void writeRun(String folder, String content) throws Exception {
        Path run = Files.createDirectories(project.resolve(folder));
        Files.writeString(run.resolve("run.txt"), content);
    }

    private ImportReport.Counts importProject() throws Exception {
        return service.importPaths(List.of(project), Progress.NONE).byFormat().get("toy");
    }

    @Test
    void secondImportReadsNothingAndReportsEveryRunUnchanged() throws Exception {
        assertEquals(new ImportReport.Counts(3, 0, 0, 0), importProject());
        List<Long> ids = store.list().stream().map(RunSummary::id).toList();
        assertEquals(3, toy.reads.get());
        assertEquals(new ImportReport.Counts(0, 0, 3, 0), importProject());
        assertEquals(3, toy.reads.get(), "no unit was read again");
        assertEquals(ids, store.list().stream().map(RunSummary::id).toList());
    }

    @Test
    void aChangedRunFolderIsReadAgainAndKeepsItsId() throws Exception {
        importProject();
        long id = store.findByName("run2").get(0).id();
        Path file = project.resolve("r2/run.txt");
        Files.writeString(file, "run2\n0.5");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertEquals(new ImportReport.Counts(0, 1, 2, 0), importProject());
        assertEquals(4, toy.reads.get());
        assertEquals(id, store.findByName("run2").get(0).id());
        assertEquals(0.5, store.load(id).orElseThrow().run().param("lr").value().number());
    }

    @Test
    void aFailingUnitIsReportedAndTheOthersStillImport() throws Exception {
        writeRun("r4", "run4");
        writeRun("r5", "explode");
        ImportReport report = service.importPaths(List.of(project), Progress.NONE);
        assertEquals(new ImportReport.Counts(3, 0, 0, 2), report.byFormat().get("toy"));
        assertEquals(2, report.problems().size());
        assertEquals(project.resolve("r4/run.txt").toString(), report.problems().get(0).file());
        assertEquals("line 2", report.problems().get(0).where());
        assertEquals(project.resolve("r5").toString(), report.problems().get(1).file());
        assertTrue(report.problems().get(1).message().contains("boom"));
        assertEquals(3, store.count());
    }

    @Test
    void cancellingKeepsTheRunsAlreadySaved() throws Exception {
        Progress cancelAfterTwo = (done, total, what) -> {
            if (total > 0 && done == 2) {
                Thread.currentThread().interrupt();
            }
        };
        assertThrows(InterruptedException.class, () -> service.importPaths(List.of(project), cancelAfterTwo));
        assertEquals(2, store.count());
        assertEquals(new ImportReport.Counts(1, 0, 2, 0), importProject());
    }
}
