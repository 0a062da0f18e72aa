package org.reprodiff.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reprodiff.diff.TwinKey;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.store.RunStore;

/**
 * Imports folders into the store: scan, then for each unit compare its fingerprint with the stored one and read
 * it only when it changed. Units are fingerprinted and read on a few worker threads (importers are stateless
 * parsers); their runs are saved on the calling thread in unit order, each in its own transaction, so an
 * interrupted import leaves every run either as it was or fully replaced. One bad file never stops the import:
 * its problem is reported and the rest goes on. Interruption (cancellation) is checked between units.
 */
public final class ImportService {
    private final ProjectScanner scanner;
    private final RunStore store;
    private final int threads;

    public ImportService(ProjectScanner scanner, RunStore store) {
        this(scanner, store, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ImportService(ProjectScanner scanner, RunStore store, int threads) {
        this.scanner = scanner;
        this.store = store;
        this.threads = threads;
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
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reprodiff-import");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Outcome>> window = new ArrayDeque<>();
            var pending = units.entrySet().iterator();
            int done = 0;
            while (pending.hasNext() || !window.isEmpty()) {
                while (pending.hasNext() && window.size() < threads * 4) {
                    Map.Entry<Path, RunImporter> e = pending.next();
                    window.add(pool.submit(() -> examine(e.getKey(), e.getValue())));
                }
                Outcome outcome = await(window.removeFirst());
                progress.update(done, units.size(), outcome.unit().toString());
                if (Thread.interrupted()) {
                    throw new InterruptedException("import cancelled after " + done + " of " + units.size());
                }
                apply(outcome, tallies.computeIfAbsent(outcome.importer().formatId(), k -> new Tally()), problems);
                done++;
            }
        } finally {
            pool.shutdownNow();
        }
        progress.update(units.size(), units.size(), "done");
        Map<String, ImportReport.Counts> counts = new HashMap<>();
        tallies.forEach((format, t) -> counts.put(format, t.counts()));
        return new ImportReport(counts, problems);
    }

    /** What a worker found for a unit: unchanged (with its stored run count), read, or unreadable. */
    private record Outcome(Path unit, RunImporter importer, String fingerprint, int unchangedRuns,
                           ImportResult result, ImportProblem failure) {
    }

    private Outcome examine(Path unit, RunImporter importer) {
        String key = unit.toString();
        String fingerprint;
        try {
            fingerprint = importer.fingerprint(unit);
        } catch (IOException e) {
            return new Outcome(unit, importer, null, 0, null, new ImportProblem(key, "", "cannot read: " + e.getMessage()));
        }
        if (fingerprint.equals(store.unitFingerprint(key).orElse(null))) {
            int stored = store.countRunsOfUnit(key);
            if (stored > 0) {
                return new Outcome(unit, importer, fingerprint, stored, null, null);
            }
        }
        try {
            return new Outcome(unit, importer, fingerprint, 0, importer.read(unit, Progress.NONE), null);
        } catch (RuntimeException e) {
            return new Outcome(unit, importer, fingerprint, 0, null, new ImportProblem(key, "", "could not be read (" + e + ")"));
        }
    }

    private void apply(Outcome o, Tally tally, List<ImportProblem> problems) {
        if (o.failure() != null) {
            problems.add(o.failure());
            tally.failed++;
            return;
        }
        if (o.result() == null) {
            tally.unchanged += o.unchangedRuns();
            return;
        }
        problems.addAll(o.result().problems());
        if (o.result().runs().isEmpty()) {
            if (!o.result().problems().isEmpty()) {
                tally.failed++;
            }
            return;
        }
        String key = o.unit().toString();
        for (Run run : o.result().runs()) {
            if (store.save(run, key, TwinKey.of(run)) == RunStore.Saved.NEW) {
                tally.newRuns++;
            } else {
                tally.updated++;
            }
        }
        store.recordUnit(key, o.importer().formatId(), o.fingerprint());
    }

    private static Outcome await(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("import worker failed", e.getCause());
        }
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
