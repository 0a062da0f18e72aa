package org.reprodiff.diff;

import java.util.List;

/**
 * How to compare: the tolerance for metric values ({@code |a−b| > atol + rtol·max(|a|,|b|)} is a divergence;
 * the defaults are numpy.allclose's, rtol 1e-5 and atol 1e-8), user ignore globs for parameter keys, and how
 * curves are aligned.
 */
public record DiffOptions(double rtol, double atol, List<String> ignore, Alignment alignment) {
    public static final double DEFAULT_RTOL = 1e-5;
    public static final double DEFAULT_ATOL = 1e-8;
    public static final DiffOptions DEFAULTS = new DiffOptions(DEFAULT_RTOL, DEFAULT_ATOL, List.of(), Alignment.STEP);

    /** How two curves are put side by side. */
    public enum Alignment {
        /** Points with the same step (the last value logged at a step counts). */
        STEP,
        /** The i-th point of A with the i-th point of B. */
        INDEX,
        /** Points with the same wall time (epoch ms). */
        WALL_TIME,
        /** Points at the same time since each run's first point (ms). */
        RELATIVE_TIME
    }

    public DiffOptions {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative numbers");
        }
        ignore = List.copyOf(ignore);
    }

    /** Whether two values differ beyond the tolerance; NaN equals only NaN, infinities only themselves. */
    public boolean diverges(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) != Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a != b;
        }
        return Math.abs(a - b) > atol + rtol * Math.max(Math.abs(a), Math.abs(b));
    }
}
