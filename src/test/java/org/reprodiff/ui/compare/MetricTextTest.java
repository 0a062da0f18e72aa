package org.reprodiff.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.diff.SeedSpread;

/** How the metrics table writes numbers, the first divergence and the seed spread. */
class MetricTextTest {
    @Test
    void roundsToSixSignificantDigits() {
        assertEquals("0.134485", MetricText.compact(0.13448463380336761));
        assertEquals("0.8845", MetricText.compact(0.8845));
        assertEquals("12345700", MetricText.compact(12345678.9));
        assertEquals("1.5E-7", MetricText.compact(1.5e-7));
        assertEquals("0", MetricText.compact(0.0));
    }

    @Test
    void keepsNanAndInfinityAsTheModelWritesThem() {
        assertEquals("NaN", MetricText.compact(Double.NaN));
        assertEquals("Infinity", MetricText.compact(Double.POSITIVE_INFINITY));
    }

    @Test
    void saysWhetherTheFinalDifferenceIsWithinTheSeedSpread() {
        MetricDiff m = new MetricDiff("val/accuracy", 500, 500, 500, false, 0L, 0.0187, 3L, 0.8845, 0.8864, false,
                false, new SeedSpread(8, 0.8794, 0.8894, true));
        assertEquals("within (8 twins, 0.8794–0.8894)", MetricText.spread(m));
        assertEquals("—", MetricText.spread(m.withSpread(null)));
        assertEquals("step 0", MetricText.firstDivergence(m));
    }
}
