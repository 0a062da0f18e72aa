package org.reprodiff.ui.curves;

import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.report.ComparedRuns;

/**
 * What {@link CurvesView} shows: one metric of a comparison. {@code diff} is the diff's result for the metric (its
 * key, first divergence step and numbers); {@code a} and {@code b} are the two runs' raw series of that metric
 * (either null when that run did not log it); {@code nameA}/{@code nameB} name the runs in the legend;
 * {@code alignment} is the axis the diff paired points on, so the divergence step means what the diff meant.
 */
public record CurvePair(MetricDiff diff, String nameA, MetricSeries a, String nameB, MetricSeries b,
                        Alignment alignment) {

    /** The pair for metric {@code m} of a comparison. */
    public static CurvePair of(ComparedRuns compared, MetricDiff m) {
        return new CurvePair(m, ComparedRuns.label(compared.a()), compared.a().run().metric(m.key()),
                ComparedRuns.label(compared.b()), compared.b().run().metric(m.key()),
                compared.comparison().options().alignment());
    }

    /** The chart package's view of the same curves. */
    public MetricCurves curves() {
        return new MetricCurves(diff.key(), nameA, a, nameB, b, diff.firstDivergenceStep(), alignment);
    }

    /** Whether either run recorded a wall time for any point, so that the time axes have something to show. */
    public boolean hasWallTimes() {
        return hasTimes(a) || hasTimes(b);
    }

    private static boolean hasTimes(MetricSeries s) {
        if (s != null) {
            for (long t : s.wallTimes()) {
                if (t != MetricSeries.NO_TIME) {
                    return true;
                }
            }
        }
        return false;
    }
}
