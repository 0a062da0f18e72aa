package org.reprodiff.ingest.guild;

import java.nio.file.Path;
import java.util.List;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.tensorboard.TensorboardImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * A Guild run's scalars: every TensorBoard event file in the run folder, read by the {@link TensorboardImporter}
 * (never by a reader of our own). Guild writes the scalars it parses from the output to {@code .guild/}; scripts
 * write theirs anywhere in the run folder. Series from the run folder itself and from {@code .guild/} keep their
 * tags; series from any other folder get its path inside the run (without a leading {@code .guild/}) as a prefix
 * ({@code logs/train/loss}). Event files inside a run folder nested in this one (a dependency holding another
 * run's {@code .guild}, a batch prototype) belong to that run and are left out. Problems and truncation in the
 * event files count for the Guild run.
 */
final class GuildScalars {
    private final TensorboardImporter tensorboard = new TensorboardImporter();

    /** Adds the series to {@code run}; false when the reading was cancelled. */
    boolean read(Path runFolder, Run.Builder run, List<ImportProblem> problems, Progress progress) {
        ImportResult result = tensorboard.read(runFolder, progress);
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        for (Run events : result.runs()) {
            Path folder = Path.of(events.source());
            if (GuildLayout.insideNestedRun(runFolder, folder)) {
                continue;
            }
            String prefix = prefix(runFolder, folder);
            for (MetricSeries s : events.metrics()) {
                run.metric(prefix.isEmpty() ? s : new MetricSeries(prefix + "/" + s.key(), s.steps(), s.values(),
                        s.wallTimes()));
            }
            problems.addAll(events.problems());
            if (events.truncated()) {
                run.truncated(true);
            }
        }
        if (result.runs().isEmpty()) {
            problems.addAll(result.problems());
        }
        return true;
    }

    private static String prefix(Path runFolder, Path folder) {
        if (!folder.startsWith(runFolder)) {
            return "";
        }
        String rel = runFolder.relativize(folder).toString().replace('\\', '/');
        if (rel.equals(GuildLayout.META_DIR)) {
            return "";
        }
        return rel.startsWith(GuildLayout.META_DIR + "/") ? rel.substring(GuildLayout.META_DIR.length() + 1) : rel;
    }
}
