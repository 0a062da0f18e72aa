package org.reprodiff.ingest.wandb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ImportProblem;

/**
 * Collects the problems met while reading one run. A problem that can repeat once per record (a bad
 * {@code _step}, a dropped row) is added under a <em>kind</em>: the first {@value #PER_KIND} of a kind are kept
 * with their place, the rest are counted and reported as one closing line, so a damaged 50 MB log cannot flood
 * the import report. Not thread-safe: one instance per read.
 */
final class WandbProblems {
    static final int PER_KIND = 10;

    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, int[]> kinds = new LinkedHashMap<>();
    private final Map<String, String> kindFiles = new LinkedHashMap<>();

    /** A problem that is reported once. */
    void add(String file, String where, String message) {
        problems.add(new ImportProblem(file, where, message));
    }

    /** A problem of a kind that may repeat; only the first {@value #PER_KIND} of a kind are kept in full. */
    void add(String kind, String file, String where, String message) {
        int[] count = kinds.computeIfAbsent(kind, k -> new int[1]);
        count[0]++;
        kindFiles.putIfAbsent(kind, file);
        if (count[0] <= PER_KIND) {
            problems.add(new ImportProblem(file, where, message));
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, with one line per kind that went over its limit. */
    List<ImportProblem> all() {
        List<ImportProblem> out = new ArrayList<>(problems);
        kinds.forEach((kind, count) -> {
            if (count[0] > PER_KIND) {
                out.add(new ImportProblem(kindFiles.get(kind), "",
                        (count[0] - PER_KIND) + " more problems of this kind: " + kind));
            }
        });
        return out;
    }
}
