package org.reprodiff.ingest.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;

/**
 * What reading one metric log gathers, whatever its layout: the series in the order their keys first appear,
 * summary values, the span of the wall times seen, whether the file ended mid-line, and its problems. At most
 * {@value #MAX_PROBLEMS} problems are kept per file; the rest are counted in one closing problem, so a file of
 * garbage cannot flood the import report.
 */
final class SeriesCollector {
    static final int MAX_PROBLEMS = 50;

    private final String file;
    private final Map<String, MetricSeries.Builder> series = new LinkedHashMap<>();
    private final Map<String, Double> summary = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long droppedProblems;
    private long firstTime = MetricSeries.NO_TIME;
    private long lastTime = MetricSeries.NO_TIME;
    private boolean truncated;

    SeriesCollector(String file) {
        this.file = file;
    }

    void point(String key, long step, double value, long wallTime) {
        series.computeIfAbsent(key, MetricSeries.Builder::new).add(step, value, wallTime);
        if (wallTime != MetricSeries.NO_TIME) {
            firstTime = firstTime == MetricSeries.NO_TIME ? wallTime : Math.min(firstTime, wallTime);
            lastTime = Math.max(lastTime, wallTime);
        }
    }

    void summary(String key, double value) {
        summary.put(key, value);
    }

    void problem(long line, String message) {
        problem(line > 0 ? "line " + line : "", message);
    }

    void problem(String where, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportProblem(file, where, message));
        } else {
            droppedProblems++;
        }
    }

    void truncated() {
        truncated = true;
    }

    /** Puts everything gathered into the run, problems included; returns every problem for the import report. */
    List<ImportProblem> into(Run.Builder run) {
        series.values().forEach(b -> run.metric(b.build()));
        summary.forEach(run::summary);
        if (firstTime != MetricSeries.NO_TIME) {
            run.startTime(Instant.ofEpochMilli(firstTime));
            run.endTime(Instant.ofEpochMilli(lastTime));
        }
        run.truncated(truncated);
        List<ImportProblem> all = allProblems();
        all.forEach(run::problem);
        return all;
    }

    /** The series, problems and truncation gathered, for a log that is one part of a run. */
    MetricLog toLog() {
        return new MetricLog(series.values().stream().map(MetricSeries.Builder::build).toList(), allProblems(), truncated);
    }

    private List<ImportProblem> allProblems() {
        List<ImportProblem> all = new ArrayList<>(problems);
        if (droppedProblems > 0) {
            all.add(new ImportProblem(file, "", droppedProblems + " more problems like the ones above were not listed"));
        }
        return all;
    }
}
