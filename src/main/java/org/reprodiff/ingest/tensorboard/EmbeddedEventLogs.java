package org.reprodiff.ingest.tensorboard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * TensorBoard logs that belong to another tool's run (a Lightning version folder, the logs an MLflow run saved
 * among its artifacts, a Guild run), read with the TensorBoard reader and attached to that run instead of
 * becoming runs of their own (FORMATS.md 14: formats nest).
 *
 * <p>Every TensorBoard run found at or below a folder is read as {@link TensorboardImporter} reads it
 * ({@code add_scalars} children attached, damage reported, a cut-off file marks truncation). Its series join the
 * host run keyed by tag, prefixed with the TensorBoard run folder's path relative to the folder, {@code /}-joined
 * ({@code train/epoch_loss} for {@code <folder>/train}); the folder's own events keep their bare tags. A key the
 * host already holds is never replaced: the TensorBoard series then gets the relative path, or {@code tensorboard},
 * as a prefix. Problems and truncation join the host run; parameters, status and times are returned for the host
 * to use as it sees fit.
 */
public final class EmbeddedEventLogs {

    /** What was attached: hparams-plugin parameters (keys as logged), a session status, the event time span. */
    public record Attached(int series, Map<String, ParamValue> params, RunStatus status, Instant first, Instant last) {
        public static final Attached NONE = new Attached(0, Map.of(), null, null, null);
    }

    private EmbeddedEventLogs() {
    }

    /** Whether {@code folder} or a folder below it holds TensorBoard event files (lists folders; reads no file). */
    public static boolean present(Path folder) {
        try {
            return !TensorboardLayout.plan(folder).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads the TensorBoard logs at and below {@code folder} into {@code host}, whose current metric keys are
     * {@code taken} (updated with the keys added). A folder that cannot be listed is a problem on the host run.
     */
    public static Attached attach(Path folder, Run.Builder host, Set<String> taken, Progress progress) {
        Path root = folder.toAbsolutePath().normalize();
        List<TensorboardLayout.RunFolder> plan;
        try {
            plan = TensorboardLayout.plan(root);
        } catch (IOException | RuntimeException e) {
            host.problem(new ImportProblem(root.toString(), "", "cannot list TensorBoard log folder: " + e));
            return Attached.NONE;
        }
        if (plan.isEmpty()) {
            return Attached.NONE;
        }
        RunFolderReader reader = new RunFolderReader(new EventFolderReader(progress, TensorboardLayout.fileCount(plan)));
        List<Run> runs = new ArrayList<>();
        for (TensorboardLayout.RunFolder run : plan) {
            if (!reader.read(run, runs)) {
                host.problem(new ImportProblem(root.toString(), "", "reading cancelled"));
                return Attached.NONE;
            }
        }
        String rootPath = SourcePaths.canonical(root);
        Map<String, ParamValue> params = new LinkedHashMap<>();
        RunStatus status = null;
        Instant first = null;
        Instant last = null;
        int added = 0;
        for (Run run : runs) {
            String prefix = relative(rootPath, run.source());
            for (MetricSeries s : run.metrics()) {
                String key = key(prefix, s.key(), taken);
                host.metric(key.equals(s.key()) ? s : new MetricSeries(key, s.steps(), s.values(), s.wallTimes()));
                added++;
            }
            for (Param p : run.params()) {
                params.putIfAbsent(p.key(), p.value());
            }
            if (status == null && run.status() != RunStatus.UNKNOWN) {
                status = run.status();
            }
            first = first == null || run.startTime() != null && run.startTime().isBefore(first) ? run.startTime() : first;
            last = last == null || run.endTime() != null && run.endTime().isAfter(last) ? run.endTime() : last;
            run.problems().forEach(host::problem);
            if (run.truncated()) {
                host.truncated(true);
            }
        }
        return new Attached(added, params, status, first, last);
    }

    /** Convenience for a host that has no series of its own yet. */
    public static Attached attach(Path folder, Run.Builder host, Progress progress) {
        return attach(folder, host, new HashSet<>(), progress);
    }

    private static String key(String prefix, String tag, Set<String> taken) {
        String key = prefix.isEmpty() ? tag : prefix + "/" + tag;
        if (!taken.add(key)) {
            key = (prefix.isEmpty() ? "tensorboard" : "tensorboard/" + prefix) + "/" + tag;
            taken.add(key);
        }
        return key;
    }

    private static String relative(String root, String source) {
        if (source.equals(root)) {
            return "";
        }
        Path rel = Path.of(root).relativize(Path.of(source));
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
