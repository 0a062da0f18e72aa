package org.reprodiff.ui.curves;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javafx.scene.chart.XYChart;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.CurveOverlay;
import org.reprodiff.chart.LiveMetricChart;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.CurveDiffer;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.MetricSeries;

/**
 * Benchmark (not a test) of the curves view's drawing, off screen: two seeded 1,000,000-point curves decimated
 * (M4, one column per pixel) and drawn by JFreeChart into a 1200 × 500 image, for the first paint and for a run of
 * zoom and pan frames, against the anchor of the same chart drawing every point. Prints medians and the ratios
 * (the ratio is the verdict on a shared machine), how many pixels the two drawings differ by, and the heap per
 * point against JavaFX's {@code XYChart.Data}. Run with the app's heap:
 * {@code java -Xmx512m -cp target/reprodiff.jar org.reprodiff.ui.curves.CurvesBenchmark [points]}.
 */
public final class CurvesBenchmark {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 500;
    /** So many columns that nothing is decimated: the anchor draws every point. */
    private static final int ALL_POINTS = Integer.MAX_VALUE / 8;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final MetricChartFactory factory = new MetricChartFactory(new ChartFonts());
    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);

    private CurvesBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        new CurvesBenchmark().run(n);
    }

    private void run(int n) {
        MetricSeries a = series(n, 1, -1);
        MetricSeries b = series(n, 2, n * 2 / 5);
        MetricDiff diff = new CurveDiffer().compare("train/loss", a, b, DiffOptions.DEFAULTS);
        CurvePair pair = new CurvePair(diff, "seed-1", a, "seed-2", b, DiffOptions.Alignment.STEP);
        MetricCurves curves = pair.curves();
        System.out.printf(Locale.ROOT, "two curves of %,d points, first divergence at step %s; heap max %,d MB; %s%n",
                n, diff.firstDivergenceStep(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"));

        double[][] prepare = times(7, () -> CurveOverlay.of(curves, DiffOptions.Alignment.STEP));
        CurveOverlay overlay = CurveOverlay.of(curves, DiffOptions.Alignment.STEP);
        double[] full = overlay.xRange();

        double[][] first = times(15, () -> firstPaint(overlay, full, WIDTH));
        double[][] anchorFirst = times(3, () -> firstPaint(overlay, full, ALL_POINTS));
        double differing = samePixels(overlay, full);

        LiveMetricChart live = new LiveMetricChart(factory);
        live.show(overlay);
        double[][] frames = frames(live, full, WIDTH, 1, 2);
        double[][] anchorFrames = frames(live, full, ALL_POINTS, 4, 0);

        System.out.println();
        System.out.println("wall-clock medians (this machine's load: " + String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores), and the drawing thread's CPU time:");
        System.out.printf(Locale.ROOT, "%-40s %11s %11s %7s %9s %9s %7s  %s%n", "scenario", "wall", "anchor", "ratio",
                "cpu", "anchor", "ratio", "goal");
        row("prepare a metric (align, delta), once", prepare, null, "-");
        row("first paint, overlay + delta, 1200x500", first, anchorFirst, "<= 50 ms, ratio <= 0.1");
        row("pan/zoom frame, median of " + frames[0].length, frames, anchorFrames, "<= 16 ms");
        System.out.printf(Locale.ROOT, "pixels differing between the M4 drawing and the all-points drawing: %.3f%%%n", differing * 100);
        memory(overlay, n);
    }

    /** A fresh chart shows the metric and draws it whole. */
    private void firstPaint(CurveOverlay overlay, double[] full, int columns) {
        LiveMetricChart live = new LiveMetricChart(factory);
        live.show(overlay);
        live.draw(full[0], full[1], columns, 0, false);
        render(live);
    }

    /**
     * 20 wheel steps in around the divergence, 20 drags to the right, 20 steps out, after {@code warmUps} unmeasured
     * rounds; every {@code every}-th frame is drawn and timed (the all-points anchor is too slow to draw them all).
     */
    private double[][] frames(LiveMetricChart live, double[] full, int columns, int every, int warmUps) {
        double[] times = new double[60];
        double[] cpus = new double[60];
        int k = 0;
        for (int r = 0; r <= warmUps; r++) {
            double x0 = full[0];
            double x1 = full[1];
            double centre = full[0] + 0.4 * (full[1] - full[0]);
            for (int f = 0; f < 60; f++) {
                double span = x1 - x0;
                if (f < 20) {
                    x0 = centre - (centre - x0) * 0.8;
                    x1 = x0 + span * 0.8;
                } else if (f < 40) {
                    x0 += span / 12;
                    x1 += span / 12;
                } else {
                    x0 = Math.max(full[0], centre - (centre - x0) * 1.25);
                    x1 = Math.min(full[1], x0 + span * 1.25);
                }
                if (f % every != 0) {
                    continue;
                }
                long t = System.nanoTime();
                long c = CPU.getCurrentThreadCpuTime();
                live.draw(x0, x1, columns, 0, false);
                render(live);
                if (r == warmUps) {
                    cpus[k] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
                    times[k++] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        return new double[][] {Arrays.copyOf(times, k), Arrays.copyOf(cpus, k)};
    }

    private void render(LiveMetricChart live) {
        Graphics2D g = image.createGraphics();
        try {
            live.chart().draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
    }

    /** Heap held per raw point by the prepared curves, against one JavaFX {@code XYChart.Data} per point. */
    private static void memory(CurveOverlay keep, int n) {
        long before = usedHeap();
        CurveOverlay again = CurveOverlay.of(new MetricCurves("m", "a", series(n, 3, -1), "b", series(n, 4, -1), null,
                DiffOptions.Alignment.STEP), DiffOptions.Alignment.STEP);
        long ours = usedHeap() - before;
        int sample = 200_000;
        before = usedHeap();
        Object[] data = new Object[sample];
        for (int i = 0; i < sample; i++) {
            data[i] = new XYChart.Data<Number, Number>(i, Math.sin(i));
        }
        long fx = usedHeap() - before;
        double perOurs = ours / (2.0 * n);
        double perFx = fx / (double) sample;
        System.out.printf(Locale.ROOT, "heap per point: %.1f bytes (two series and their arrays for the chart) vs %.1f bytes "
                + "per XYChart.Data: ratio %.3f (goal <= 0.05)%n", perOurs, perFx, perOurs / perFx);
        Reference.reachabilityFence(again);
        Reference.reachabilityFence(data);
        Reference.reachabilityFence(keep);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * A loss-like curve: decay plus noise, a few spikes and NaNs, wall times every ~40 ms. Runs with another seed
     * draw the same noise up to {@code divergeAt} and their own after it (-1: never).
     */
    static MetricSeries series(int n, long seed, int divergeAt) {
        long[] steps = new long[n];
        double[] values = new double[n];
        long[] times = new long[n];
        Random shared = new Random(42);
        Random own = new Random(seed);
        long t = 1_700_000_000_000L + seed * 1000;
        for (int i = 0; i < n; i++) {
            double noise = shared.nextGaussian();
            if (divergeAt >= 0 && i >= divergeAt) {
                noise = own.nextGaussian();
            }
            steps[i] = i;
            values[i] = 0.2 + 2.3 * Math.exp(-i / (n / 5.0)) + 0.03 * noise;
            t += 35 + own.nextInt(10);
            times[i] = t;
        }
        for (int i = n / 7; i < n; i += n / 7) {
            values[i] += 1.5;
        }
        values[n / 3] = Double.NaN;
        return new MetricSeries("train/loss", steps, values, times);
    }

    /**
     * The fraction of pixels that differ between the decimated drawing and the all-points drawing, both without
     * antialiasing (the all-points drawing would otherwise antialias and the decimated one not).
     */
    private double samePixels(CurveOverlay overlay, double[] full) {
        BufferedImage[] images = new BufferedImage[2];
        int[] columns = {WIDTH, ALL_POINTS};
        for (int i = 0; i < 2; i++) {
            LiveMetricChart live = new LiveMetricChart(factory);
            live.show(overlay);
            live.draw(full[0], full[1], columns[i], 0, false);
            live.chart().setAntiAlias(false);
            render(live);
            images[i] = new BufferedImage(WIDTH, HEIGHT, image.getType());
            images[i].setData(image.getData());
        }
        return differingPixels(images[0], images[1]);
    }

    private static double differingPixels(BufferedImage x, BufferedImage y) {
        long differ = 0;
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                if (x.getRGB(i, j) != y.getRGB(i, j)) {
                    differ++;
                }
            }
        }
        return differ / (double) (x.getWidth() * x.getHeight());
    }

    /** Wall and CPU milliseconds of {@code times} runs of {@code work}, after a warm-up of half as many. */
    private static double[][] times(int times, Runnable work) {
        for (int i = 0; i < Math.max(1, times / 2); i++) {
            work.run();
        }
        double[] wall = new double[times];
        double[] cpu = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            work.run();
            cpu[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - start) / 1e6;
        }
        return new double[][] {wall, cpu};
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void row(String what, double[][] figure, double[][] anchor, String goal) {
        double wall = median(figure[0]);
        double cpu = median(figure[1]);
        if (anchor == null) {
            System.out.printf(Locale.ROOT, "%-40s %8.2f ms %11s %7s %6.2f ms %9s %7s  %s%n", what, wall, "-", "-", cpu, "-", "-", goal);
            return;
        }
        double aw = median(anchor[0]);
        double ac = median(anchor[1]);
        System.out.printf(Locale.ROOT, "%-40s %8.2f ms %8.2f ms %7.3f %6.2f ms %6.2f ms %7.3f  %s%n", what, wall, aw,
                wall / aw, cpu, ac, cpu / ac, goal);
    }
}
