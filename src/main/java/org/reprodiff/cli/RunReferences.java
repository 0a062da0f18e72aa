package org.reprodiff.cli;

import java.io.PrintWriter;
import org.reprodiff.service.RunReferenceException;

/** Prints a run reference that matched no run or several, listing the candidates. */
final class RunReferences {
    private RunReferences() {
    }

    static void report(PrintWriter err, RunReferenceException e) {
        err.println("reprodiff: " + e.getMessage());
        e.candidates().forEach(r -> err.printf("  %d  %s  %s  %s%n", r.id(), r.nativeId(), r.name() == null ? "" : r.name(), r.source()));
        err.flush();
    }
}
