package org.reprodiff.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.ImportProblem;

/**
 * What an import did: per source format, how many runs were new, updated, unchanged (not read again) or
 * failed, and every problem met.
 */
public record ImportReport(Map<String, Counts> byFormat, List<ImportProblem> problems) {

    public ImportReport {
        byFormat = java.util.Collections.unmodifiableMap(new TreeMap<>(byFormat));
        problems = List.copyOf(problems);
    }

    /** Run counts of one format (or the total). */
    public record Counts(int newRuns, int updated, int unchanged, int failed) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(newRuns + o.newRuns, updated + o.updated, unchanged + o.unchanged, failed + o.failed);
        }

        public int runs() {
            return newRuns + updated + unchanged;
        }
    }

    public Counts total() {
        return byFormat.values().stream().reduce(Counts.ZERO, Counts::plus);
    }
}
