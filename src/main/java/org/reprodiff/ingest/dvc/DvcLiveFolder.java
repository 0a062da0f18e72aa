package org.reprodiff.ingest.dvc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;

/**
 * A DVCLive output folder (FORMATS.md 4.2) in any of its generations, and how it is read into a run:
 * <ul>
 *   <li>DVCLive 1.0 and later: {@code metrics.json} (latest value per metric, nested by {@code /}, plus
 *       {@code step}), {@code params.yaml}, one {@code plots/metrics/<name>.tsv} per metric;</li>
 *   <li>DVCLive 0.x: {@code scalars/<name>.tsv} (0.8–0.12), or {@code <name>.tsv} right in the folder (the
 *       first releases), with the summary beside the folder as {@code <folder>.json}.</li>
 * </ul>
 * A metric's full name is its file's path below the metrics folder without {@code .tsv}
 * ({@code plots/metrics/train/loss.tsv} is {@code train/loss}), never the column name, which later versions cut to
 * the basename. The summary's values become final values under the same names; its {@code step} is bookkeeping.
 *
 * <p>Invariants: only the metrics folder is walked for {@code .tsv} files (links not followed, depth bounded; for
 * the first releases that folder is the DVCLive folder itself), never images, artifacts or plots of other kinds;
 * files are only read.
 */
final class DvcLiveFolder {
    static final String SUMMARY = "metrics.json";
    static final String PARAMS = "params.yaml";
    private static final int MAX_DEPTH = 8;

    private DvcLiveFolder() {
    }

    /** Whether {@code dir} holds DVCLive's output in one of its layouts. Never throws. */
    static boolean is(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (Files.isDirectory(dir.resolve("plots").resolve("metrics"), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            Path scalars = dir.resolve("scalars");
            if (Files.isDirectory(scalars, LinkOption.NOFOLLOW_LINKS)) {
                return holdsTsv(scalars);
            }
            Path legacySummary = legacySummary(dir);
            return legacySummary != null && Files.isRegularFile(legacySummary) && holdsTsv(dir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What reading a folder gave besides what went into the run. */
    record Read(boolean truncated, boolean any) {
    }

    /**
     * Reads the folder into {@code run}: series, final values, and the parameters of its {@code params.yaml}
     * (under {@code paramsFile}, the name {@link DvcValues#paramKey} gives them; null to skip them).
     * {@code read} collects the files already read as a project's metrics or params files, so none is read twice.
     */
    static Read read(Path dir, String paramsFile, Run.Builder run, Set<Path> read, List<ImportProblem> problems) {
        boolean truncated = false;
        boolean any = false;
        Path metricsDir = metricsDir(dir);
        for (Path tsv : tsvFiles(metricsDir, problems)) {
            DvcLiveTsv.Result r = DvcLiveTsv.read(tsv, seriesKey(metricsDir, tsv), problems);
            truncated |= r.truncated();
            if (r.series().size() > 0) {
                run.metric(r.series());
                any = true;
            }
        }
        Path summary = Files.exists(dir.resolve(SUMMARY)) ? dir.resolve(SUMMARY) : legacySummary(dir);
        if (summary != null && read.add(summary.toAbsolutePath().normalize())
                && DvcDocuments.load(summary, problems).document() instanceof Map<?, ?> m) {
            DvcValues.metrics(m, true).forEach(run::summary);
            any = true;
        }
        Path params = dir.resolve(PARAMS);
        if (paramsFile != null && read.add(params.toAbsolutePath().normalize())
                && DvcDocuments.load(params, problems).document() instanceof Map<?, ?> m) {
            Map<String, ParamValue> values = DvcValues.params(paramsFile, m);
            values.forEach(run::param);
            any |= !values.isEmpty();
        }
        return new Read(truncated, any);
    }

    /** The earliest and latest wall time over a run's series, or null when none was recorded. */
    static long[] wallTimeRange(List<MetricSeries> series) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (MetricSeries s : series) {
            for (long t : s.wallTimes()) {
                if (t != MetricSeries.NO_TIME) {
                    min = Math.min(min, t);
                    max = Math.max(max, t);
                }
            }
        }
        return min > max ? null : new long[] {min, max};
    }

    private static Path metricsDir(Path dir) {
        Path plots = dir.resolve("plots").resolve("metrics");
        if (Files.isDirectory(plots, LinkOption.NOFOLLOW_LINKS)) {
            return plots;
        }
        Path scalars = dir.resolve("scalars");
        return Files.isDirectory(scalars, LinkOption.NOFOLLOW_LINKS) ? scalars : dir;
    }

    private static Path legacySummary(Path dir) {
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        return name == null || parent == null ? null : parent.resolve(name + ".json");
    }

    private static List<Path> tsvFiles(Path metricsDir, List<ImportProblem> problems) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(metricsDir, MAX_DEPTH)) {
            files.filter(f -> f.getFileName().toString().endsWith(".tsv") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .forEach(out::add);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(metricsDir.toString(), "", "cannot list metric files: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static String seriesKey(Path metricsDir, Path tsv) {
        List<String> parts = new ArrayList<>();
        metricsDir.relativize(tsv).forEach(p -> parts.add(p.toString()));
        String last = parts.remove(parts.size() - 1);
        parts.add(last.substring(0, last.length() - ".tsv".length()));
        return String.join("/", parts);
    }

    private static boolean holdsTsv(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.tsv")) {
            return entries.iterator().hasNext();
        }
    }
}
