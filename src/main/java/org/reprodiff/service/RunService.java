package org.reprodiff.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunSummary;
import org.reprodiff.model.StoredRun;
import org.reprodiff.store.RunStore;

/**
 * Reads the store for the CLI and the desktop app, and resolves run references. A reference is, in this order:
 * a store id; an exact native id, run name or source path; a path to a run's folder or file (imported on the
 * fly); a unique prefix of a native id. A reference that matches several runs at the first level it matches is
 * an error listing them.
 */
public final class RunService {
    private final RunStore store;
    private final ImportService importService;

    public RunService(RunStore store, ImportService importService) {
        this.store = store;
        this.importService = importService;
    }

    public List<RunSummary> list() {
        return store.list();
    }

    public int count() {
        return store.count();
    }

    public Optional<StoredRun> load(long id) {
        return store.load(id);
    }

    /** The last value of each of a run's series, without loading the run: what the runs table shows. */
    public Map<String, Double> lastValues(long id) {
        return store.lastValues(id);
    }

    public StoredRun resolve(String ref) throws RunReferenceException, InterruptedException {
        if (ref.matches("\\d{1,18}")) {
            Optional<StoredRun> byId = store.load(Long.parseLong(ref));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        Map<Long, RunSummary> exact = new LinkedHashMap<>();
        store.findByNativeIdPrefix(ref).stream().filter(r -> r.nativeId().equals(ref)).forEach(r -> exact.put(r.id(), r));
        store.findByName(ref).forEach(r -> exact.put(r.id(), r));
        Path path = Path.of(ref);
        if (Files.exists(path)) {
            String source = SourcePaths.canonical(path);
            store.findBySource(source).forEach(r -> exact.put(r.id(), r));
            if (exact.isEmpty()) {
                importService.importPaths(List.of(path), Progress.NONE);
                store.findBySource(source).forEach(r -> exact.put(r.id(), r));
            }
        }
        if (exact.isEmpty()) {
            store.findByNativeIdPrefix(ref).forEach(r -> exact.put(r.id(), r));
        }
        if (exact.size() == 1) {
            return store.load(exact.keySet().iterator().next()).orElseThrow();
        }
        if (exact.isEmpty()) {
            throw new RunReferenceException("no run matches '" + ref + "'", List.of());
        }
        throw new RunReferenceException("'" + ref + "' matches " + exact.size() + " runs", List.copyOf(exact.values()));
    }
}
