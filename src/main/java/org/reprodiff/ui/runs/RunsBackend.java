package org.reprodiff.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.ImportService;
import org.reprodiff.service.RunService;

/**
 * What the runs view model needs from the services, as one small interface so view-model tests can stand in for
 * them. Every method is called off the FX thread; {@link #finalValues} reads one run's rows.
 */
public interface RunsBackend {

    ImportReport importFolder(Path folder, Progress progress) throws InterruptedException;

    /** Every run of the store, in id order. */
    List<RunSummary> list();

    /** The last value of each metric series of a run (empty when it is gone). */
    Map<String, Double> finalValues(long runId);

    static RunsBackend of(ImportService imports, RunService runs) {
        return new RunsBackend() {
            @Override
            public ImportReport importFolder(Path folder, Progress progress) throws InterruptedException {
                return imports.importPaths(List.of(folder), progress);
            }

            @Override
            public List<RunSummary> list() {
                return runs.list();
            }

            @Override
            public Map<String, Double> finalValues(long runId) {
                return runs.lastValues(runId);
            }
        };
    }
}
