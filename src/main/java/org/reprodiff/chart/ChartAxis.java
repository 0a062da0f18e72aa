package org.reprodiff.chart;

import org.reprodiff.diff.DiffOptions.Alignment;

/**
 * How an aligned position is plotted: steps and indexes as they are; wall times in seconds since {@code origin}
 * (the earlier of the two runs' first points); relative times (already since each run's start) in seconds.
 */
record ChartAxis(Alignment alignment, long origin) {

    static ChartAxis of(Alignment alignment, AlignedCurve a, AlignedCurve b) {
        long origin = 0;
        if (alignment == Alignment.WALL_TIME) {
            origin = Math.min(a.firstPosition(), b.firstPosition());
            origin = origin == Long.MAX_VALUE ? 0 : origin;
        }
        return new ChartAxis(alignment, origin);
    }

    double x(long position) {
        return switch (alignment) {
            case STEP, INDEX -> position;
            case WALL_TIME -> (position - origin) / 1000.0;
            case RELATIVE_TIME -> position / 1000.0;
        };
    }

    String label() {
        return switch (alignment) {
            case STEP -> "step";
            case INDEX -> "point index";
            case WALL_TIME -> "wall time since the first run started (s)";
            case RELATIVE_TIME -> "time since the run started (s)";
        };
    }

    /** How a divergence position reads in a marker label. */
    String position(long position) {
        return switch (alignment) {
            case STEP -> "step " + position;
            case INDEX -> "point " + position;
            case WALL_TIME, RELATIVE_TIME -> AxisTicks.format(x(position)) + " s";
        };
    }
}
