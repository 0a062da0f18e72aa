package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.tensorboard.EmbeddedEventLogs;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads MLflow's local file store, {@code mlruns/} (FORMATS.md 1.1). A source is a store root (whatever its
 * name), an experiment folder or a single run folder; a unit is one run folder. Both {@code meta.yaml}
 * generations are read (old: {@code name}, no {@code run_name}; new: {@code run_name}). Runs of experiments
 * under {@code .trash} and runs whose {@code lifecycle_stage} is {@code deleted} are read and flagged deleted.
 *
 * <p>Unlike MLflow, which skips what it cannot read, every unreadable file or line is reported as an
 * {@link ImportProblem}; only an unreadable run {@code meta.yaml} loses the run. Problem files are the paths as
 * found (absolute, normalised, links not resolved). Nothing is ever written. Thread-safe: units may be read
 * in parallel (the only state is a cache of experiment names, checked against each file's size and time).
 */
public final class MlflowFileStoreImporter implements RunImporter {
    public static final String FORMAT = "mlflow";

    private final MlflowExperimentNames experiments = new MlflowExperimentNames();

    @Override
    public String formatId() {
        return FORMAT;
    }

    /**
     * True for a store root (a folder with a child folder whose meta.yaml is an experiment's), for an experiment
     * folder whose parent is not a store (has no {@code .trash} and no other experiment), and for a run folder
     * whose parent is not an experiment. Reads at most a few small meta.yaml heads; never throws.
     */
    @Override
    public boolean canRead(Path path) {
        return MlflowFileStoreLayout.canRead(path);
    }

    /**
     * Every run folder of the source, sorted: the sub-folders of each experiment (those under {@code .trash}
     * included) that have a {@code meta.yaml} entry of any kind, skipping the reserved folders.
     */
    @Override
    public List<Path> units(Path source) throws IOException {
        return MlflowFileStoreLayout.units(source);
    }

    /** A store is MLflow's alone: TensorBoard logs saved as a run's artifacts are attached to that run. */
    @Override
    public boolean ownsSubtree() {
        return true;
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path runDir = unit.toAbsolutePath().normalize();
        Path metaFile = runDir.resolve(MlflowFileStoreLayout.META);
        MlflowMetaFile.Outcome meta = MlflowMetaFile.readMap(metaFile);
        if (meta.problem() != null) {
            return ImportResult.failed(meta.problem());
        }
        Map<?, ?> info = meta.map();
        List<ImportProblem> problems = new ArrayList<>();
        String nativeId = firstText(info, "run_uuid", "run_id");
        if (nativeId == null) {
            nativeId = String.valueOf(runDir.getFileName());
            problems.add(new ImportProblem(metaFile.toString(), "field run_uuid",
                    "no run_uuid or run_id; the folder name is used as the run id"));
        }
        Run.Builder run = Run.builder(FORMAT, SourcePaths.canonical(runDir), nativeId);
        Path experimentDir = runDir.getParent();
        run.experiment(experiments.name(experimentDir, text(info, "experiment_id"), problems));
        boolean trashed = experimentDir != null && experimentDir.getParent() != null
                && MlflowFileStoreLayout.TRASH.equals(String.valueOf(experimentDir.getParent().getFileName()));
        run.deleted(trashed || "deleted".equals(text(info, "lifecycle_stage")));
        run.status(MlflowStatus.parse(info.get("status")));
        run.startTime(time(info, "start_time", metaFile, problems));
        run.endTime(time(info, "end_time", metaFile, problems));
        run.artifactUri(text(info, "artifact_uri"));

        readParams(runDir.resolve("params"), run, problems);
        Path tagsDir = runDir.resolve("tags");
        Map<String, String> tags = readTexts(tagsDir, "tag", problems);
        String recordedName = info.containsKey("run_name") ? text(info, "run_name") : text(info, "name");
        MlflowTags.apply(tags, run, recordedName, text(info, "user_id"),
                tagsDir.resolve(MlflowTags.LOG_MODEL_HISTORY).toString(), problems);
        Set<String> metricKeys = readMetrics(runDir.resolve("metrics"), run, problems);
        if (experimentDir != null) {
            MlflowInputsParser.read(runDir.resolve("inputs"), experimentDir, run, problems);
        }
        Path artifacts = runDir.resolve("artifacts");
        if (MlflowArtifactsParser.read(artifacts, run, problems)) {
            EmbeddedEventLogs.attach(artifacts, run, metricKeys, Progress.NONE);
        }

        problems.forEach(run::problem);
        progress.update(1, 1, nativeId);
        Run built = run.build();
        return new ImportResult(List.of(built), built.problems());
    }

    private static void readParams(Path dir, Run.Builder run, List<ImportProblem> problems) {
        readTexts(dir, "param", problems).forEach((k, v) -> run.param(k, ParamValue.fromText(v)));
    }

    private static Map<String, String> readTexts(Path dir, String what, List<ImportProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        MlflowKeyFolder.forEach(dir, what, problems,
                (key, file) -> values.put(key, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        return values;
    }

    /** Reads the metric files; returns their keys. */
    private static Set<String> readMetrics(Path dir, Run.Builder run, List<ImportProblem> problems) {
        Set<String> keys = new HashSet<>();
        MlflowKeyFolder.forEach(dir, "metric", problems, (key, file) -> {
            MlflowMetricFileParser.Parsed parsed = MlflowMetricFileParser.parse(file, key, file.toString(), problems);
            run.metric(parsed.series());
            keys.add(parsed.series().key());
            if (parsed.truncated()) {
                run.truncated(true);
            }
        });
        return keys;
    }

    /** A millisecond time field; null when absent or null (a running run has no end time). */
    private static Instant time(Map<?, ?> info, String field, Path file, List<ImportProblem> problems) {
        Object v = info.get(field);
        if (v == null) {
            return null;
        }
        try {
            long ms = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
            return Instant.ofEpochMilli(ms);
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(file.toString(), "field " + field, "not a time in milliseconds: '" + v + "'"));
            return null;
        }
    }

    /** A scalar field as text (YAML may give a number for an id); null when absent or null. */
    static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }

    private static String firstText(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            String v = MlflowTags.blankToNull(text(map, key));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
