package org.reprodiff.ingest.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;

/**
 * The convention by which a plain CSV/TSV/JSONL file counts as a metric log, and how its columns are read. Both
 * its name and its content must say so, so that a folder of data CSVs never turns into runs.
 *
 * <p><b>Names</b> (checked first, from the path only):
 * <ul>
 *   <li>Keras CSVLogger files: {@code .csv}, {@code .tsv}, {@code .log} or {@code .txt}, any name (Keras's own
 *       example is {@code training.log});</li>
 *   <li>generic delimited logs: {@code .csv} or {@code .tsv} whose name (without extension) contains
 *       {@code metric}, {@code log}, {@code history}, {@code train}, {@code progress}, {@code scalar},
 *       {@code loss}, {@code eval}, {@code valid} or {@code result}, or that sits in a folder named
 *       {@code logs}, {@code log} or {@code metrics}, and not directly in a folder named {@code data},
 *       {@code dataset} or {@code datasets};</li>
 *   <li>JSON Lines logs: {@code .jsonl} or {@code .ndjson};</li>
 *   <li>never other tools' files, which their importers read: Lightning's {@code metrics.csv} beside
 *       {@code hparams.yaml} or in a {@code version_*} folder, anything inside a W&amp;B run folder
 *       ({@code run-YYYYMMDD_HHMMSS-<id>}, {@code offline-run-…}) and {@code wandb-history.jsonl},
 *       DVCLive's TSVs below {@code plots/metrics/} or {@code scalars/}, ClearML's {@code metrics.jsonl} and
 *       {@code log.jsonl} beside {@code task.json}, and anything below {@code .neptune}.</li>
 * </ul>
 * <p><b>Content</b> (the first {@value #SNIFF_BYTES} bytes only):
 * <ul>
 *   <li>Keras: the header's first cell is {@code epoch} and a column is named {@code loss} or ends in
 *       {@code loss}; in its data rows (there may be none yet) the epoch is an integer and the other cells are
 *       numbers, {@code NA}, or Keras's quoted lists;</li>
 *   <li>generic delimited: the header (separator {@code ,}, tab or {@code ;}) names an x column (see
 *       {@link #X_NAMES}) and at least one other column; at least one complete data row follows; in a good row
 *       the x cell is an integer and every other cell is a number or a missing token, except in time columns
 *       ({@link #TIME_NAMES}), and some non-x cell is a number;</li>
 *   <li>for both, of the first 20 data rows the first must be good and at least half must be: one damaged row
 *       near the top does not hide a log, and a data file (text cells, no integer step) is never one;</li>
 *   <li>JSONL: the first line is a JSON object with an x key holding an integer and at least one other numeric
 *       value (nested objects count, flattened with {@code /}).</li>
 * </ul>
 * <p><b>Reading</b>: the x column is the first of {@link #X_NAMES} present (by name, any case) and gives each
 * point's step; each other numeric column is a series (NaN and infinities kept, missing tokens skip the point,
 * text columns are not series). A time column with epoch values (seconds, milliseconds or microseconds, told
 * apart by size) gives wall times; one with small numbers (a relative time) is an ordinary series.
 */
final class MetricLogConvention {
    static final int SNIFF_BYTES = 16 * 1024;
    /** Candidate x columns, most fine-grained first. */
    static final List<String> X_NAMES = List.of("step", "global_step", "_step", "iteration", "iter", "epoch");
    static final List<String> TIME_NAMES = List.of("timestamp", "_timestamp", "wall_time", "walltime", "time");
    /** Cells that mean "no value here" (not NaN, which is a value). */
    static final Set<String> MISSING = Set.of("", "NA", "N/A", "None", "none", "null", "NULL");

    enum Kind { KERAS, DELIMITED, JSONL }

    private static final Set<String> DELIMITED_EXT = Set.of("csv", "tsv");
    private static final Set<String> KERAS_ONLY_EXT = Set.of("log", "txt");
    private static final Set<String> JSONL_EXT = Set.of("jsonl", "ndjson");
    private static final List<String> NAME_HINTS =
            List.of("metric", "log", "history", "train", "progress", "scalar", "loss", "eval", "valid", "result");
    private static final Set<String> FOLDER_HINTS = Set.of("logs", "log", "metrics");
    private static final Set<String> DATA_FOLDERS = Set.of("data", "dataset", "datasets");
    private static final Pattern WANDB_RUN = Pattern.compile("(offline-)?run-\\d{8}_\\d{6}-.+");

    private MetricLogConvention() {
    }

    /** Which kinds a file may be, judged by its path alone; empty when it is none of them. */
    static Set<Kind> kindsByName(Path file) {
        String name = lower(file.getFileName());
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || ownedByAnotherTool(file, name)) {
            return Set.of();
        }
        String ext = name.substring(dot + 1);
        if (JSONL_EXT.contains(ext)) {
            return Set.of(Kind.JSONL);
        }
        if (KERAS_ONLY_EXT.contains(ext)) {
            return Set.of(Kind.KERAS);
        }
        if (!DELIMITED_EXT.contains(ext)) {
            return Set.of();
        }
        String stem = name.substring(0, dot);
        String folder = lower(file.getParent() == null ? null : file.getParent().getFileName());
        boolean hinted = NAME_HINTS.stream().anyMatch(stem::contains) || FOLDER_HINTS.contains(folder);
        return hinted && !DATA_FOLDERS.contains(folder) ? Set.of(Kind.KERAS, Kind.DELIMITED) : Set.of(Kind.KERAS);
    }

    private static boolean ownedByAnotherTool(Path file, String name) {
        Path parent = file.getParent();
        String folder = lower(parent == null ? null : parent.getFileName());
        if (name.equals("metrics.csv") && parent != null
                && (folder.startsWith("version_") || Files.exists(parent.resolve("hparams.yaml")))) {
            return true;
        }
        if (name.equals("wandb-history.jsonl") || name.equals("wandb-events.jsonl")) {
            return true;
        }
        if ((name.equals("metrics.jsonl") || name.equals("log.jsonl")) && parent != null
                && Files.exists(parent.resolve("task.json"))) {
            return true;
        }
        boolean tsv = name.endsWith(".tsv");
        for (Path p = parent; p != null && p.getFileName() != null; p = p.getParent()) {
            String n = p.getFileName().toString();
            if (n.equals(".neptune") || WANDB_RUN.matcher(n).matches()) {
                return true;
            }
            Path up = p.getParent();
            if (tsv && (n.equals("scalars") || n.equals("metrics") && up != null
                    && "plots".equals(String.valueOf(up.getFileName())))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTsvName(Path file) {
        return lower(file.getFileName()).endsWith(".tsv");
    }

    /** The index of the x column in a header, or -1. */
    static int xColumn(List<String> header) {
        for (String x : X_NAMES) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(x)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isTimeName(String column) {
        return TIME_NAMES.stream().anyMatch(column::equalsIgnoreCase);
    }

    static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    /** A step: an integral number that fits a long, else null. */
    static Long step(String cell) {
        Double d = Numbers.parseStrict(cell);
        return d == null ? null : step(d);
    }

    static Long step(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e18) {
            return null;
        }
        return (long) d;
    }

    /**
     * Epoch milliseconds for a time value: from 1e14 on microseconds, from 1e11 milliseconds, from 1e8 seconds
     * (1973 on); {@link MetricSeries#NO_TIME} below that (a relative time, not a wall time).
     */
    static long wallTimeMillis(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 1e8) {
            return MetricSeries.NO_TIME;
        }
        if (v >= 1e14) {
            return Math.round(v / 1000.0);
        }
        return v >= 1e11 ? Math.round(v) : Math.round(v * 1000.0);
    }

    private static String lower(Path name) {
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
