package org.reprodiff.ingest;

import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * What reading one unit gave: the runs it holds and the problems met. Problems that concern one run are also
 * attached to that run; the list here holds every problem, for the import report.
 */
public record ImportResult(List<Run> runs, List<ImportProblem> problems) {
    public ImportResult {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    public static ImportResult failed(ImportProblem problem) {
        return new ImportResult(List.of(), List.of(problem));
    }
}
