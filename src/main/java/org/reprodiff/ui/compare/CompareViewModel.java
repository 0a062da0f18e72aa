package org.reprodiff.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.service.CompareService;
import org.reprodiff.service.ReportService;
import org.reprodiff.service.RunService;
import org.reprodiff.ui.common.TaskRunner;
import org.reprodiff.ui.curves.CurvesViewModel;
import org.reprodiff.ui.compare.DifferenceNavigator.Location;

/**
 * One comparison tab's state: loads two runs from the store and compares them off the FX thread; exposes the
 * result (null while loading), a loading flag and an error message. Once a result is set it also holds the header
 * cards, one {@link FacetSection} per facet tab (the metrics tab comes after them, at index
 * {@link #metricsTab()}), the only-differences toggle and the search text that filter every section, next and
 * previous difference over all tabs, and the text a copy puts on the clipboard. No nodes here.
 */
public final class CompareViewModel {
    private final RunService runs;
    private final CompareService compare;
    private final TaskRunner runner;
    private final ObjectProperty<ComparedRuns> result = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ReportService reports;
    private final ObjectProperty<Path> exported = new SimpleObjectProperty<>();
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final CurvesViewModel curves;
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(true);
    private final StringProperty query = new SimpleStringProperty("");
    private List<FacetSection> sections = List.of();
    private List<RunCard> cards = List.of();

    public CompareViewModel(RunService runs, CompareService compare, ReportService reports, TaskRunner runner) {
        this.runs = runs;
        this.compare = compare;
        this.reports = reports;
        this.runner = runner;
        this.curves = new CurvesViewModel(runner, new MetricChartFactory(new ChartFonts()));
        result.addListener((o, old, compared) -> rebuild(compared));
        onlyDifferences.addListener((o, old, only) -> refresh());
        query.addListener((o, old, q) -> refresh());
    }

    private void rebuild(ComparedRuns compared) {
        sections = compared == null ? List.of() : ComparisonSections.of(compared);
        cards = compared == null ? List.of() : List.of(RunCard.of("A", compared.a()), RunCard.of("B", compared.b()));
        refresh();
    }

    private void refresh() {
        sections.forEach(s -> s.refresh(onlyDifferences.get(), query.get()));
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

    /** Compares run {@code a} (the baseline) with run {@code b} with the default tolerances and no ignore rules. */
    public void load(long a, long b) {
        load(a, b, DiffOptions.DEFAULTS);
    }

    /** Compares run {@code a} (the baseline) with run {@code b} under {@code options} (the user's preferences). */
    public void load(long a, long b, DiffOptions options) {
        loading.set(true);
        error.set(null);
        runner.submit(progress -> {
            StoredRun ra = runs.load(a).orElseThrow(() -> new IllegalStateException("run " + a + " is no longer in the database"));
            StoredRun rb = runs.load(b).orElseThrow(() -> new IllegalStateException("run " + b + " is no longer in the database"));
            return compare.compare(ra, rb, options);
        }, (done, total, what) -> { }, compared -> {
            loading.set(false);
            result.set(compared);
        }, failure -> {
            loading.set(false);
            error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        });
    }

    /** The facet sections in tab order; empty until a result is set. */
    public List<FacetSection> sections() {
        return sections;
    }

    /** The header's cards, A then B; empty until a result is set. */
    public List<RunCard> runCards() {
        return cards;
    }

    /** The index of the metrics tab: after the facet sections. */
    public int metricsTab() {
        return sections.size();
    }

    /** The metrics in the order the metrics table lists them. */
    public List<MetricDiff> metrics() {
        return result.get() == null ? List.of() : result.get().comparison().metrics();
    }

    /** The indices in {@link #metrics()} of the user's metrics that diverge (a tracker's own never count). */
    public List<Integer> divergingMetrics() {
        List<Integer> out = new ArrayList<>();
        List<MetricDiff> metrics = metrics();
        for (int i = 0; i < metrics.size(); i++) {
            if (!metrics.get(i).system() && metrics.get(i).diverges()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The metrics tab's not-captured notice, or null when both runs recorded metrics. */
    public String metricsNotice() {
        Comparison c = comparison();
        return c == null ? null : ComparisonSections.notice(c.notCaptured(), java.util.Set.of(org.reprodiff.model.Facet.METRICS));
    }

    /** The metrics tab's title with its count of diverging metrics. */
    public String metricsTabTitle() {
        return "Metrics (" + divergingMetrics().size() + ")";
    }

    /** The next difference after {@code from} (row -1: none selected in that tab), over every tab, wrapping. */
    public Optional<Location> nextDifference(Location from) {
        return navigator().next(from);
    }

    /** The previous difference before {@code from}, over every tab, wrapping. */
    public Optional<Location> previousDifference(Location from) {
        return navigator().previous(from);
    }

    private DifferenceNavigator navigator() {
        List<List<Integer>> targets = new ArrayList<>();
        sections.forEach(s -> targets.add(s.differenceIndices()));
        targets.add(divergingMetrics());
        return new DifferenceNavigator(targets);
    }

    /**
     * Where a cause's row is: its facet's tab (hardware causes are on the environment tab) and the row with its
     * key; clears the search when that hides the row. Row -1 when the key is not listed; empty for an unknown facet.
     */
    public Optional<Location> locate(Cause cause) {
        String tabId = "hardware".equals(cause.facet()) ? "environment" : cause.facet();
        for (int tab = 0; tab < sections.size(); tab++) {
            FacetSection s = sections.get(tab);
            if (s.id().equals(tabId)) {
                if (s.indexOf(cause.key()) < 0 && !query.get().isBlank()) {
                    query.set("");
                }
                return Optional.of(new Location(tab, s.indexOf(cause.key())));
            }
        }
        return Optional.empty();
    }

    /** The index of the tab the view opens on: the top cause's facet, else the first tab with a difference. */
    public int openingTab() {
        ComparedRuns compared = result.get();
        if (compared != null && !compared.comparison().causes().isEmpty()) {
            Optional<Location> top = locate(compared.comparison().causes().get(0));
            if (top.isPresent()) {
                return top.get().tab();
            }
        }
        return nextDifference(new Location(0, -1)).map(Location::tab).orElse(metricsTab());
    }

    /** Rows as tab-separated text, one line each: key, A, B, change (an absent value is empty). */
    public static String copyText(List<FacetRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (FacetRow r : rows) {
            if (r.kind() == FacetRow.Kind.GROUP) {
                sb.append(r.key()).append(": ").append(r.note()).append('\n');
                continue;
            }
            sb.append(cell(r.key())).append('\t').append(cell(r.a())).append('\t').append(cell(r.b())).append('\t')
                    .append(cell(r.changeAndNote())).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
    }

    /** The lines of the unified difference between the two runs' uncommitted patches; empty when there is none. */
    public List<PatchLine> patchLines() {
        return result.get() == null ? List.of() : PatchLine.parse(result.get().comparison().patchDiff());
    }

    /** What the code tab says about the uncommitted patches. */
    public String patchNote() {
        ComparedRuns compared = result.get();
        if (compared == null) {
            return "";
        }
        String pa = compared.a().run().code().patch();
        String pb = compared.b().run().code().patch();
        if (pa == null && pb == null) {
            return "Neither run saved an uncommitted patch.";
        }
        if (pa == null || pb == null) {
            String only = pa == null ? "B" : "A";
            return "Only run " + only + " saved an uncommitted patch (" + lines(pa == null ? pb : pa)
                    + "); there is nothing to set it against.";
        }
        if (Objects.equals(pa, pb)) {
            return "Both runs saved the same uncommitted patch (" + lines(pa) + ").";
        }
        return "The uncommitted patches differ: lines marked − are only in A's patch, + only in B's.";
    }

    private static String lines(String patch) {
        long n = patch.lines().count();
        return n + (n == 1 ? " line" : " lines");
    }

    /** The comparison on show, or null. */
    public Comparison comparison() {
        return result.get() == null ? null : result.get().comparison();
    }

    /** Whether the facet tables list only the differences (the default) or every entry. */
    public BooleanProperty onlyDifferencesProperty() { return onlyDifferences; }
    /** The search text that filters every facet table by key, value or note. */
    public StringProperty queryProperty() { return query; }

    /** The metrics tab's curves: the selected metric's overlay, delta and controls. */
    public CurvesViewModel curves() {
        return curves;
    }

    public ObjectProperty<ComparedRuns> resultProperty() { return result; }
    public ObjectProperty<Path> exportedProperty() { return exported; }
    public StringProperty exportStatusProperty() { return exportStatus; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty errorProperty() { return error; }
}
