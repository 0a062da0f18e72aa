package org.reprodiff.chart;

import java.util.List;

import java.util.Arrays;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.model.MetricSeries;

/**
 * A metric's curves made ready for the zoomable chart, on the x-axis the user chose: run A's and run B's points
 * (last value per position, x ascending, as {@link AlignedCurve} puts them) and the delta B − A. The delta pairs
 * points as the diff did (on the diff's alignment, so it is the very pairs the diff compared) and plots each pair
 * at A's point's x on the chosen axis; the first-divergence marker likewise sits at A's point of the divergent pair.
 * Built once per (metric, axis) off the UI thread; immutable after that (callers must not change the arrays).
 */
public final class CurveOverlay {
    /**
     * One line's raw points: {@code x} ascending, {@code y} as logged (NaN and ±Inf kept), {@code total} the
     * series' raw point count (points lost to "last value per position" or to a missing wall time included).
     */
    public record Track(String name, MetricChart.Role role, double[] x, double[] y, int total) {
        public int size() {
            return x.length;
        }

        /** The index of the point nearest to {@code at} in x, or -1 when the track is empty. */
        public int nearest(double at) {
            if (x.length == 0) {
                return -1;
            }
            int i = firstAtOrAfter(at);
            if (i == x.length) {
                return i - 1;
            }
            return i > 0 && at - x[i - 1] <= x[i] - at ? i - 1 : i;
        }

        /** The first index whose x is ≥ {@code at} ({@code size()} when none). */
        public int firstAtOrAfter(double at) {
            int lo = 0;
            int hi = x.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x[mid] < at) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private final String key;
    private final Alignment axis;
    private final String xLabel;
    private final Track a;
    private final Track b;
    private final Track delta;
    private final Double marker;
    private final String markerLabel;

    private CurveOverlay(String key, Alignment axis, String xLabel, Track a, Track b, Track delta, Double marker,
                         String markerLabel) {
        this.key = key;
        this.axis = axis;
        this.xLabel = xLabel;
        this.a = a;
        this.b = b;
        this.delta = delta;
        this.marker = marker;
        this.markerLabel = markerLabel;
    }

    /** Prepares {@code c}'s curves on {@code display}; the divergence in {@code c} is on {@code c.alignment()}. */
    /**
     * Bytes of the primitive arrays this overlay keeps (x and y of A, B and the delta): the chart's memory per
     * raw point, since the screen's decimation buffers are sized by pixel columns, not by points.
     */
    public long arrayBytes() {
        long n = 0;
        for (Track t : List.of(a, b, delta)) {
            n += (long) t.x().length + t.y().length;
        }
        return n * Double.BYTES;
    }

    public static CurveOverlay of(MetricCurves c, Alignment display) {
        AlignedCurve ad = AlignedCurve.of(c.a(), display);
        AlignedCurve bd = AlignedCurve.of(c.b(), display);
        ChartAxis axis = ChartAxis.of(display, ad, bd);
        Track a = new Track("A: " + c.nameA(), MetricChart.Role.A, ad.x(axis), ad.values(), size(c.a()));
        Track b = new Track("B: " + c.nameB(), MetricChart.Role.B, bd.x(axis), bd.values(), size(c.b()));
        AlignedCurve pairedA = AlignedCurve.of(c.a(), c.alignment());
        AlignedCurve pairedB = AlignedCurve.of(c.b(), c.alignment());
        AlignedCurve d = AlignedCurve.delta(pairedA, pairedB);
        PositionOnAxis onAxis = new PositionOnAxis(c.a(), display, axis);
        Track delta = deltaTrack(d, onAxis);
        Double marker = null;
        String label = null;
        if (c.firstDivergence() != null) {
            int at = Arrays.binarySearch(pairedA.positions(), c.firstDivergence());
            if (at >= 0) {
                double x = onAxis.x(pairedA.source()[at]);
                marker = Double.isNaN(x) ? null : x;
            }
            label = "diverges at " + new ChartAxis(c.alignment(), 0).position(c.firstDivergence());
        }
        return new CurveOverlay(c.key(), display, axis.label(), a, b, delta, marker, marker == null ? null : label);
    }

    private static int size(MetricSeries s) {
        return s == null ? 0 : s.size();
    }

    /** The delta's pairs at A's x on the display axis, sorted by that x; pairs whose A point has no such x dropped. */
    private static Track deltaTrack(AlignedCurve d, PositionOnAxis onAxis) {
        int n = d.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            double px = onAxis.x(d.source()[i]);
            if (Double.isNaN(px)) {
                continue;
            }
            sorted &= k == 0 || px >= x[k - 1];
            x[k] = px;
            y[k++] = d.values()[i];
        }
        x = Arrays.copyOf(x, k);
        y = Arrays.copyOf(y, k);
        if (!sorted) {
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            double[] ox = x;
            Arrays.sort(order, (i, j) -> Double.compare(ox[i], ox[j]));
            double[] sx = new double[k];
            double[] sy = new double[k];
            for (int i = 0; i < k; i++) {
                sx[i] = x[order[i]];
                sy[i] = y[order[i]];
            }
            x = sx;
            y = sy;
        }
        return new Track("B − A", MetricChart.Role.DELTA, x, y, n);
    }

    /** Where point {@code i} of run A's series lies on the display axis (NaN without a wall time on a time axis). */
    private record PositionOnAxis(MetricSeries s, Alignment display, ChartAxis axis, long firstTime) {
        PositionOnAxis(MetricSeries s, Alignment display, ChartAxis axis) {
            this(s, display, axis, firstTime(s));
        }

        private static long firstTime(MetricSeries s) {
            if (s != null) {
                for (long t : s.wallTimes()) {
                    if (t != MetricSeries.NO_TIME) {
                        return t;
                    }
                }
            }
            return MetricSeries.NO_TIME;
        }

        double x(int i) {
            return switch (display) {
                case STEP -> axis.x(s.steps()[i]);
                case INDEX -> axis.x(i);
                case WALL_TIME, RELATIVE_TIME -> {
                    long t = s.wallTimes()[i];
                    yield t == MetricSeries.NO_TIME ? Double.NaN
                            : axis.x(display == Alignment.RELATIVE_TIME ? t - firstTime : t);
                }
            };
        }
    }

    public String key() {
        return key;
    }

    /** The axis the x values are on. */
    public Alignment axis() {
        return axis;
    }

    public String xLabel() {
        return xLabel;
    }

    /** Run A's points; an empty track when A did not log the metric. */
    public Track a() {
        return a;
    }

    public Track b() {
        return b;
    }

    /** B − A at the positions both runs logged. */
    public Track delta() {
        return delta;
    }

    /** The x of the first divergence on this axis, or null (no divergence, or A's point has no x here). */
    public Double marker() {
        return marker;
    }

    public String markerLabel() {
        return markerLabel;
    }

    /** How an x on this axis reads in the crosshair: "step 1200", "84.2 s". */
    public String position(double x) {
        return switch (axis) {
            case STEP -> "step " + AxisTicks.format(Math.rint(x));
            case INDEX -> "point " + AxisTicks.format(Math.rint(x));
            case WALL_TIME, RELATIVE_TIME -> AxisTicks.format(x) + " s";
        };
    }

    /** The smallest and largest x of any point, or {0, 1} when there are none. */
    public double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Track t : new Track[] {a, b, delta}) {
            if (t.size() > 0) {
                lo = Math.min(lo, t.x()[0]);
                hi = Math.max(hi, t.x()[t.size() - 1]);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            return new double[] {lo - 1, hi + 1};
        }
        return new double[] {lo, hi};
    }

    /** All raw points of A and B. */
    public int totalPoints() {
        return a.total() + b.total();
    }
}
