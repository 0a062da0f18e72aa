package org.reprodiff.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.diff.TwinKey;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.UnitFingerprint;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.store.RunStore;

/**
 * Imports folders into the store: scan, then for each unit compare its fingerprint with the stored one and read
 * it only when it changed. Each run is saved in its own transaction, so an interrupted import leaves every run
 * either as it was or fully replaced. One bad file never stops the import: its problem is reported and the rest
 * goes on. Interruption (cancellation) is checked between units.
 */
public final class ImportService {
    private final ProjectScanner scanner;
    private final RunStore store;

    public ImportService(ProjectScanner scanner, RunStore store) {
        this.scanner = scanner;
        this.store = store;
    }

    public ImportReport importPaths(List<Path> paths, Progress progress) throws InterruptedException {
        List<ImportProblem> problems = new ArrayList<>();
        Map<Path, RunImporter> units = new LinkedHashMap<>();
        for (Path path : paths) {
            ProjectScanner.ScanResult scan = scanner.scan(path, (done, total, what) -> progress.update(0, -1, "Scanning " + what));
            problems.addAll(scan.problems());
            for (ProjectScanner.Source source : scan.sources()) {
                try {
                    for (Path unit : source.importer().units(source.path())) {
                        units.putIfAbsent(unit.toAbsolutePath().normalize(), source.importer());
                    }
                } catch (IOException e) {
                    problems.add(new ImportProblem(source.path().toString(), "", "cannot list runs: " + e.getMessage()));
                }
            }
        }
        Map<String, Tally> tallies = new HashMap<>();
        int done = 0;
        for (Map.Entry<Path, RunImporter> e : units.entrySet()) {
            progress.update(done, units.size(), e.getKey().toString());
            if (Thread.interrupted()) {
                throw new InterruptedException("import cancelled after " + done + " of " + units.size());
            }
            done++;
            importUnit(e.getKey(), e.getValue(), tallies.computeIfAbsent(e.getValue().formatId(), k -> new Tally()), problems);
        }
        progress.update(units.size(), units.size(), "done");
        Map<String, ImportReport.Counts> counts = new HashMap<>();
        tallies.forEach((format, t) -> counts.put(format, t.counts()));
        return new ImportReport(counts, problems);
    }

    private void importUnit(Path unit, RunImporter importer, Tally tally, List<ImportProblem> problems) {
        String key = unit.toString();
        String fingerprint;
        try {
            fingerprint = UnitFingerprint.of(unit);
        } catch (IOException e) {
            problems.add(new ImportProblem(key, "", "cannot read: " + e.getMessage()));
            tally.failed++;
            return;
        }
        if (fingerprint.equals(store.unitFingerprint(key).orElse(null))) {
            int stored = store.countRunsOfUnit(key);
            if (stored > 0) {
                tally.unchanged += stored;
                return;
            }
        }
        ImportResult result;
        try {
            result = importer.read(unit, Progress.NONE);
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(key, "", "could not be read (" + e + ")"));
            tally.failed++;
            return;
        }
        problems.addAll(result.problems());
        if (result.runs().isEmpty()) {
            if (!result.problems().isEmpty()) {
                tally.failed++;
            }
            return;
        }
        for (Run run : result.runs()) {
            if (store.save(run, key, TwinKey.of(run)) == RunStore.Saved.NEW) {
                tally.newRuns++;
            } else {
                tally.updated++;
            }
        }
        store.recordUnit(key, importer.formatId(), fingerprint);
    }

    private static final class Tally {
        int newRuns;
        int updated;
        int unchanged;
        int failed;

        ImportReport.Counts counts() {
            return new ImportReport.Counts(newRuns, updated, unchanged, failed);
        }
    }
}
