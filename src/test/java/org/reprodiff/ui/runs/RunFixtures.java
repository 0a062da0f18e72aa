package org.reprodiff.ui.runs;

import java.time.Instant;
import java.util.List;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.RunSummary;

/** Run rows for the runs view-model tests. */
final class RunFixtures {
    private RunFixtures() {
    }

    /** A run under {@code /p/<folder>/<name>} started at {@code start} seconds, lasting {@code seconds} (-1: unknown). */
    static RunSummary run(long id, String format, String name, String folder, String twin, long start, long seconds) {
        Instant s = start < 0 ? null : Instant.ofEpochSecond(start);
        Instant e = s == null || seconds < 0 ? null : s.plusSeconds(seconds);
        return new RunSummary(id, format, "native" + id, name, "exp", RunStatus.FINISHED, "/p/" + folder + "/" + name,
                s, e, 3, List.of("val/loss"), false, false, twin);
    }
}
