package org.reprodiff.ui.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Numbers;

/**
 * How the metrics table writes a metric comparison: numbers to six significant digits (NaN and infinities as
 * {@link Numbers#format} writes them), and whether the final difference lies within the seed-to-seed spread of A's
 * twin group. Text only, no nodes.
 */
final class MetricText {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private MetricText() {
    }

    /** A value to six significant digits: {@code 0.134485}, {@code 12345700}, {@code 1.5E-7}. */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return Numbers.format(v);
        }
        BigDecimal d = new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e9 || v == 0 ? d.toPlainString() : d.toString();
    }

    /** "within (8 twins, 0.8794–0.8894)", "outside (…)", or "—" when A has no twin group of three or more. */
    static String spread(MetricDiff m) {
        if (m.spread() == null) {
            return "—";
        }
        return (m.spread().insideSpread() ? "within" : "outside") + " (" + m.spread().runs() + " twins, "
                + compact(m.spread().min()) + "–" + compact(m.spread().max()) + ")";
    }

    /** The first divergence: "identical", "step 420", "within tolerance", or "—" when it diverges without a step. */
    static String firstDivergence(MetricDiff m) {
        if (m.identical()) {
            return "identical";
        }
        if (m.firstDivergenceStep() == null) {
            return m.diverges() ? "—" : "within tolerance";
        }
        return "step " + m.firstDivergenceStep();
    }
}
