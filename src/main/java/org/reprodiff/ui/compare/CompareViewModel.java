package org.reprodiff.ui.compare;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChart;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.service.CompareService;
import org.reprodiff.service.ReportService;
import org.reprodiff.service.RunService;
import org.reprodiff.ui.common.TaskRunner;

/**
 * One comparison tab's state: loads two runs from the store and compares them off the FX thread; exposes the
 * result (null while loading), a loading flag and an error message. No nodes here.
 */
public final class CompareViewModel {
    /** Pixel buckets a curve is decimated to for the screen (min and max kept per bucket). */
    private static final int CHART_BUCKETS = 1200;

    private final RunService runs;
    private final CompareService compare;
    private final TaskRunner runner;
    private final ObjectProperty<ComparedRuns> result = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ReportService reports;
    private final ObjectProperty<Path> exported = new SimpleObjectProperty<>();
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final ObjectProperty<MetricChart> chart = new SimpleObjectProperty<>();
    private final MetricChartFactory charts = new MetricChartFactory(new ChartFonts());
    private TaskRunner.Handle charting;

    public CompareViewModel(RunService runs, CompareService compare, ReportService reports, TaskRunner runner) {
        this.runs = runs;
        this.compare = compare;
        this.reports = reports;
        this.runner = runner;
    }

    /**
     * Writes the report of the current comparison to {@code file} off the FX thread, in the format its extension
     * names (pdf, html, md, json); sets {@link #exportedProperty()} when done.
     */
    public void export(Path file) {
        ComparedRuns compared = result.get();
        if (compared == null) {
            return;
        }
        ReportFormat format;
        try {
            format = ReportService.formatFor(file, null);
        } catch (IllegalArgumentException e) {
            exportStatus.set(e.getMessage());
            return;
        }
        exported.set(null);
        exportStatus.set("Writing " + file.getFileName() + " …");
        runner.submit(progress -> reports.write(compared, format, file), (done, total, what) -> { }, written -> {
            exported.set(written);
            exportStatus.set("Saved " + written);
        }, failure -> exportStatus.set("Could not write the report: " + failure.getMessage()));
    }

    /** Compares run {@code a} (the baseline) with run {@code b}. */
    public void load(long a, long b) {
        loading.set(true);
        error.set(null);
        runner.submit(progress -> {
            StoredRun ra = runs.load(a).orElseThrow(() -> new IllegalStateException("run " + a + " is no longer in the database"));
            StoredRun rb = runs.load(b).orElseThrow(() -> new IllegalStateException("run " + b + " is no longer in the database"));
            return compare.compare(ra, rb, DiffOptions.DEFAULTS);
        }, (done, total, what) -> { }, compared -> {
            loading.set(false);
            result.set(compared);
        }, failure -> {
            loading.set(false);
            error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        });
    }

    /**
     * Draws the overlay of one metric's curves off the FX thread (decimated, min/max per bucket); the latest
     * request wins.
     */
    public void showMetric(MetricDiff metric) {
        ComparedRuns compared = result.get();
        if (compared == null || metric == null) {
            return;
        }
        if (charting != null) {
            charting.cancel();
        }
        MetricCurves curves = new MetricCurves(metric.key(), ComparedRuns.label(compared.a()),
                compared.a().run().metric(metric.key()), ComparedRuns.label(compared.b()),
                compared.b().run().metric(metric.key()), metric.firstDivergenceStep(),
                compared.comparison().options().alignment());
        charting = runner.submit(progress -> charts.overlay(curves, CHART_BUCKETS), (d, t, w) -> { }, chart::set,
                failure -> chart.set(null));
    }

    /** The factory that turns a chart definition into a JFreeChart for the screen. */
    public MetricChartFactory chartFactory() {
        return charts;
    }

    public ObjectProperty<MetricChart> chartProperty() { return chart; }
    public ObjectProperty<ComparedRuns> resultProperty() { return result; }
    public ObjectProperty<Path> exportedProperty() { return exported; }
    public StringProperty exportStatusProperty() { return exportStatus; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty errorProperty() { return error; }
}
