package org.reprodiff.app;

import java.util.Locale;

/**
 * One row of the benchmark table: a scenario's figure, its anchor measured in the same run on the same input,
 * the ratio of the two costs (our time or bytes over the anchor's, so lower is better) and the goal. The verdict
 * is the ratio's: an absolute figure depends on the machine, a ratio to an anchor measured beside it much less.
 *
 * <p>Invariants: {@code ratio} is NaN exactly when the anchor could not be measured, and then {@code anchor}
 * says why (a skip reason naming the Debian package to install), or when the scenario itself failed, and then
 * {@code figure} starts with {@code FAILED:}; {@code goalRatio} is the largest ratio that meets the goal.
 */
public record BenchRow(String scenario, String figure, String anchor, double ratio, double goalRatio, String goal) {

    private static final String FAILED = "FAILED: ";

    /** "met", "NOT met", "FAILED", or why there is no verdict. */
    public String verdict() {
        if (failed()) {
            return "FAILED";
        }
        if (Double.isNaN(ratio)) {
            return "no verdict: anchor skipped";
        }
        return ratio <= goalRatio ? "met" : "NOT met";
    }

    /** Whether the scenario could not be measured at all (an error, not a missing anchor tool). */
    public boolean failed() {
        return figure.startsWith(FAILED);
    }

    /** The row of a scenario that threw. */
    static BenchRow failure(String scenario, String goal, Throwable e) {
        return new BenchRow(scenario, FAILED + e, "-", Double.NaN, Double.NaN, goal);
    }

    /** The ratio as printed: two significant decimals, or "-" without an anchor. */
    public String ratioText() {
        if (Double.isNaN(ratio)) {
            return "-";
        }
        return String.format(Locale.ROOT, ratio < 0.01 ? "%.4f" : "%.2f", ratio);
    }

    /** A row whose anchor is an {@link AnchorCommands.Anchor}: the ratio is {@code seconds / anchor.seconds()}. */
    static BenchRow timed(String scenario, String figure, double seconds, AnchorCommands.Anchor anchor, double goalRatio,
            String goal) {
        double ratio = anchor.skipped() ? Double.NaN : seconds / anchor.seconds();
        return new BenchRow(scenario, figure, anchor.describe(), ratio, goalRatio, goal);
    }
}
