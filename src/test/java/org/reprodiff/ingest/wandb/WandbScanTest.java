package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.Progress;
import org.reprodiff.testing.RealData;

/** The project scanner, given only this importer, finds one source per W&B run folder and nothing else. */
class WandbScanTest {
    private final ProjectScanner scanner = new ProjectScanner(new ImporterCatalog(List.of(new WandbImporter())));

    private List<String> names(Path root) throws InterruptedException {
        ProjectScanner.ScanResult result = scanner.scan(root, Progress.NONE);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        return result.sources().stream().map(s -> String.valueOf(s.path().getFileName())).sorted().toList();
    }

    @Test
    void findsTheSevenRealRunFolders() throws InterruptedException {
        assertEquals(List.of("run-20220429_201847-2zuxwf70", "run-20220429_201936-3ojed7lz",
                "run-20250315_164500-1xeytjab", "run-20250315_170507-2m001qbu", "run-20250315_170753-x7n9fszq",
                "run-20250315_170908-6uznqj8h", "run-20250315_171157-jefjnqy9"), names(RealData.require("wandb")));
    }

    @Test
    void findsTheCompatLogFoldersAndTheOfflineRun() throws InterruptedException {
        List<String> found = names(RealData.require("fixtures/wandb__wandb"));
        assertEquals(12, found.size(), found.toString());
        assertTrue(found.contains("offline-run-20210216_154407-g9dvvkua"));
        assertTrue(found.contains("offline-run-old_bad_step_types"));
    }

    @Test
    void findsTheSamplePair() throws InterruptedException {
        assertEquals(List.of("offline-run-20231204_100000-e39ks5ec", "offline-run-20231204_103000-4nsc9q9t"),
                names(Path.of("sample-runs")));
    }
}
