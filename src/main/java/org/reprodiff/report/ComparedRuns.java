package org.reprodiff.report;

import org.reprodiff.diff.Comparison;
import org.reprodiff.model.StoredRun;

/** The report model: the two runs as stored and their comparison. Every writer renders this and nothing else. */
public record ComparedRuns(StoredRun a, StoredRun b, Comparison comparison) {

    /** How a run is named in a report: its name, else its native id. */
    public static String label(StoredRun r) {
        return r.run().name() != null ? r.run().name() : r.run().nativeId();
    }
}
