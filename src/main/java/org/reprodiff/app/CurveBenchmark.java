package org.reprodiff.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.CurveOverlay;
import org.reprodiff.chart.LiveMetricChart;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.sample.LongCurves;

/**
 * The chart scenarios of the benchmark, through the screen's chart ({@link LiveMetricChart}, one decimated column
 * per pixel) drawn into a {@value #WIDTH}×{@value #HEIGHT} image. First paint: from the two raw series to pixels,
 * preparing the curves ({@link CurveOverlay#of}) included. Pan/zoom frame: redrawing after a viewport change,
 * 20 zoom steps in, 20 pans, 20 zoom steps out. The anchor is the same chart drawing every point (no
 * decimation), over the whole range, and the share of pixels in which the two first paints differ is printed
 * beside the figure; where that chart runs out of heap (it strokes every point into one path), a plain
 * JFreeChart line chart drawing every point segment by segment is the anchor instead, and says so.
 *
 * <p>Invariant: every figure is the median of several rounds after warm-up rounds in the same JVM.
 */
final class CurveBenchmark {
    static final int WIDTH = 1200;
    static final int HEIGHT = 500;
    /** So many columns that nothing is decimated: the anchor draws every point. */
    private static final int ALL_POINTS = Integer.MAX_VALUE / 8;

    private final Benchmarks.Sizes sizes;
    private final PrintStream log;
    private final MetricChartFactory factory = new MetricChartFactory(new ChartFonts());
    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);

    CurveBenchmark(Benchmarks.Sizes sizes, PrintStream log) {
        this.sizes = sizes;
        this.log = log;
    }

    /** The two seeded curves as the compare screen gets them. */
    static MetricCurves curves(int points) {
        MetricSeries a = LongCurves.curve(true, points, 99L);
        MetricSeries b = LongCurves.curve(false, points, 99L);
        return new MetricCurves(a.key(), "run-a", a, "run-b", b, null, DiffOptions.Alignment.STEP);
    }

    List<BenchRow> overlay() {
        MetricCurves curves = curves(sizes.curvePoints());
        long[] first = new long[7];
        for (int i = -3; i < first.length; i++) {
            long start = System.nanoTime();
            firstPaint(curves, WIDTH);
            if (i >= 0) {
                first[i] = System.nanoTime() - start;
            }
        }
        BufferedImage ours = copy(image);
        CurveOverlay overlay = CurveOverlay.of(curves, DiffOptions.Alignment.STEP);
        LiveMetricChart live = new LiveMetricChart(factory);
        live.show(overlay);
        frames(live, overlay.xRange());
        long[] frames = frames(live, overlay.xRange());
        Anchor anchor = anchor(curves);
        double firstPaint = median(first);
        double frame = median(frames);
        String pixels = anchor.sameChart() ? String.format(Locale.ROOT, "; %.2f %% of pixels differ from the anchor's",
                differingPixels(ours, image) * 100) : "";
        log.printf(Locale.ROOT, "curves: first paint %.1f ms%s, pan/zoom frame %.1f ms (slowest %.1f ms); anchor %s%n",
                firstPaint * 1e3, pixels, frame * 1e3, Arrays.stream(frames).max().orElse(0) / 1e6, anchor.text());
        double anchorSeconds = anchor.seconds();
        String anchorText = anchor.text();
        String points = String.format(Locale.ROOT, "two %,d-point curves", sizes.curvePoints());
        return List.of(
                new BenchRow("overlay " + points + ": first paint", String.format(Locale.ROOT,
                        "%.1f ms%s", firstPaint * 1e3, pixels),
                        anchorText, firstPaint / anchorSeconds, 0.1, "≤ 50 ms; ratio ≤ 0.1"),
                new BenchRow("overlay " + points + ": pan/zoom frame", String.format(Locale.ROOT, "%.1f ms (median of %d)",
                        frame * 1e3, frames.length), anchorText, frame / anchorSeconds, 0.1, "≤ 16 ms; ratio ≤ 0.1"));
    }

    /** The anchor's median time, what it was, and whether it drew the very same chart (so pixels compare). */
    private record Anchor(double seconds, String text, boolean sameChart) {
    }

    /**
     * JFreeChart drawing every point: the same chart without decimation, or, when that runs out of heap (it strokes
     * each line as one path of every point), a plain JFreeChart line chart of both curves drawn segment by segment.
     */
    private Anchor anchor(MetricCurves curves) {
        int points = 2 * sizes.curvePoints();
        try {
            double seconds = timed(() -> firstPaint(curves, ALL_POINTS));
            return new Anchor(seconds, String.format(Locale.ROOT, "the same chart drawing all %,d points: %.1f ms", points,
                    seconds * 1e3), true);
        } catch (OutOfMemoryError e) {
            log.println("curves: the same chart drawing every point ran out of heap; anchor falls back to a plain chart");
        }
        double seconds = timed(() -> plainChart(curves));
        return new Anchor(seconds, String.format(Locale.ROOT, "plain JFreeChart drawing all %,d points segment by segment:"
                + " %.1f ms (the same chart drawing all points runs out of the 512 MB heap)", points, seconds * 1e3), false);
    }

    /** Median of 3 rounds after one warm-up round. */
    private static double timed(Runnable round) {
        long[] times = new long[3];
        for (int i = -1; i < times.length; i++) {
            long start = System.nanoTime();
            round.run();
            if (i >= 0) {
                times[i] = System.nanoTime() - start;
            }
        }
        return median(times);
    }

    private void plainChart(MetricCurves curves) {
        DefaultXYDataset data = new DefaultXYDataset();
        for (MetricSeries s : List.of(curves.a(), curves.b())) {
            double[] x = new double[s.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = s.steps()[i];
            }
            data.addSeries(s == curves.a() ? "A" : "B", new double[][] {x, s.values()});
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("step"), new NumberAxis("value"), new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart(curves.key(), plot);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
    }

    /** A fresh chart prepares the curves, shows them and draws them whole into the image. */
    private void firstPaint(MetricCurves curves, int columns) {
        CurveOverlay overlay = CurveOverlay.of(curves, DiffOptions.Alignment.STEP);
        LiveMetricChart live = new LiveMetricChart(factory);
        live.show(overlay);
        double[] full = overlay.xRange();
        live.draw(full[0], full[1], columns, 0, false);
        render(live);
    }

    /** 20 zoom steps in around 40 % of the range, 20 pans right, 20 zoom steps out; each frame's time. */
    private long[] frames(LiveMetricChart live, double[] full) {
        long[] times = new long[60];
        double x0 = full[0];
        double x1 = full[1];
        double centre = full[0] + 0.4 * (full[1] - full[0]);
        for (int f = 0; f < times.length; f++) {
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
            long start = System.nanoTime();
            live.draw(x0, x1, WIDTH, 0, false);
            render(live);
            times[f] = System.nanoTime() - start;
        }
        return times;
    }

    private void render(LiveMetricChart live) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            live.chart().draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), src.getType());
        out.setData(src.getData());
        return out;
    }

    private static double differingPixels(BufferedImage x, BufferedImage y) {
        long differ = 0;
        for (int row = 0; row < x.getHeight(); row++) {
            for (int col = 0; col < x.getWidth(); col++) {
                if (x.getRGB(col, row) != y.getRGB(col, row)) {
                    differ++;
                }
            }
        }
        return differ / (double) (x.getWidth() * x.getHeight());
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }
}
