package org.reprodiff.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Facet;
import org.reprodiff.model.StoredRun;

/**
 * The reproducibility report model: the comparison of two runs plus when it was made and by which Reprodiff.
 * Every format (text, Markdown, JSON, HTML, PDF) is a writer of this model; the derived parts (title, capture
 * checklist, the metrics that get charts) are computed here once, so all formats agree.
 */
public record Report(ComparedRuns compared, Instant generatedAt, String version) {
    /** More charts than this make a report nobody reads; the metric table still lists every metric. */
    public static final int MAX_CHARTED = 24;
    /** Metric names that usually carry a run's result, charted even when A and B agree. */
    private static final Pattern KEY_METRIC = Pattern.compile(
            "(?i).*(loss|acc|accuracy|error|f1|auc|score|perplexity|ppl|reward|return|map|iou|bleu|rouge|precision|recall|mse|mae|rmse).*");
    private static final int KEY_METRICS = 4;

    /** This build's version: the jar's Implementation-Version, or "development build". */
    public static String currentVersion() {
        String v = Report.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "development build" : v;
    }

    public static Report of(ComparedRuns compared, Instant generatedAt) {
        return new Report(compared, generatedAt, currentVersion());
    }

    public StoredRun a() {
        return compared.a();
    }

    public StoredRun b() {
        return compared.b();
    }

    public String labelA() {
        return ComparedRuns.label(compared.a());
    }

    public String labelB() {
        return ComparedRuns.label(compared.b());
    }

    /** "Reproducibility report: A vs B". */
    public String title() {
        return "Reproducibility report: " + labelA() + " vs " + labelB();
    }

    /** Whether each run captured a facet, over every facet of PRODUCT.md, in its order. */
    public record CaptureCheck(Facet facet, boolean capturedA, boolean capturedB) {
    }

    public List<CaptureCheck> checklist() {
        List<CaptureCheck> out = new ArrayList<>();
        for (Facet f : Facet.values()) {
            out.add(new CaptureCheck(f, !a().run().notCaptured().contains(f), !b().run().notCaptured().contains(f)));
        }
        return out;
    }

    /**
     * The metrics that get charts: every user metric that diverges, then up to four key metrics (loss,
     * accuracy…) that do not; when neither exists, the first user metrics. System metrics never. At most
     * {@link #MAX_CHARTED}.
     */
    public List<MetricDiff> chartedMetrics() {
        List<MetricDiff> user = compared.comparison().metrics().stream().filter(m -> !m.system()).toList();
        List<MetricDiff> out = new ArrayList<>(user.stream().filter(MetricDiff::diverges).toList());
        List<MetricDiff> agreeing = user.stream().filter(m -> !m.diverges()).toList();
        List<MetricDiff> key = agreeing.stream().filter(m -> KEY_METRIC.matcher(m.key()).matches()).limit(KEY_METRICS).toList();
        out.addAll(key.isEmpty() && out.isEmpty() ? agreeing.stream().limit(3).toList() : key);
        return out.size() > MAX_CHARTED ? List.copyOf(out.subList(0, MAX_CHARTED)) : List.copyOf(out);
    }

    /** The raw curves of one metric, for the chart factory. */
    public MetricCurves curves(MetricDiff m) {
        return new MetricCurves(m.key(), labelA(), a().run().metric(m.key()), labelB(), b().run().metric(m.key()),
                m.firstDivergenceStep(), compared.comparison().options().alignment());
    }
}
