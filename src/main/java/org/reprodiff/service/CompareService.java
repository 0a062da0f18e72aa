package org.reprodiff.service;

import java.util.ArrayList;
import java.util.List;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.model.Run;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.report.ReportWriters;
import org.reprodiff.store.RunStore;

/**
 * Compares two runs of the store: resolves the references, loads A's twin group for the seed-noise check and
 * runs the differ. Also renders a comparison in a text format.
 */
public final class CompareService {
    /** More twins than this add nothing to a spread estimate but load time. */
    private static final int MAX_TWINS = 200;

    private final RunStore store;
    private final RunService runs;
    private final RunDiffer differ = new RunDiffer();
    private final ReportWriters writers = new ReportWriters();

    public CompareService(RunStore store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    public ComparedRuns compare(String refA, String refB, DiffOptions options) throws RunReferenceException, InterruptedException {
        return compare(runs.resolve(refA), runs.resolve(refB), options);
    }

    public ComparedRuns compare(StoredRun a, StoredRun b, DiffOptions options) {
        return new ComparedRuns(a, b, differ.compare(a.run(), b.run(), options, twinsOf(a, b)));
    }

    /** A's twin group, loaded only when it is large enough (three runs) to give a seed-to-seed spread. */
    private List<Run> twinsOf(StoredRun a, StoredRun b) {
        List<Long> ids = store.twinsOf(a.id());
        if (ids.size() < 3) {
            return List.of();
        }
        List<Run> twins = new ArrayList<>();
        for (long id : ids.subList(0, Math.min(ids.size(), MAX_TWINS))) {
            if (id == a.id()) {
                twins.add(a.run());
            } else if (id == b.id()) {
                twins.add(b.run());
            } else {
                store.load(id).ifPresent(t -> twins.add(t.run()));
            }
        }
        return twins;
    }

    public String render(ComparedRuns compared, ReportFormat format) {
        return writers.render(compared, format);
    }
}
