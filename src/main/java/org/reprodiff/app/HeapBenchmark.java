package org.reprodiff.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import org.reprodiff.chart.CurveOverlay;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.DiffOptions;

/**
 * The memory rows of the benchmark. Heap per point: the bytes of the primitive arrays the screen's chart keeps
 * to show two long curves ({@link CurveOverlay#arrayBytes}: A, B and B − A; the chart's decimation buffers are
 * sized by pixel columns, not points), divided by the raw points (the raw series themselves belong to the loaded
 * runs, not to the chart). The anchor is the heap JavaFX {@code XYChart.Data<Number, Number>} points with boxed
 * doubles retain, measured in a fresh child JVM (heap in use after collections settle, before and after, with at
 * least 100,000 points; they need no toolkit to be created). Heap
 * limit: every scenario completed in this JVM, whose maximum heap the {@code bench} command sets to 512 MB (the
 * ratio is that maximum over 512 MB); the largest heap in use the collector saw (the sum of the heap pools'
 * peaks, an upper bound) is printed beside it.
 *
 * <p>Invariant: the anchor's retained size is measured with its objects still reachable, so no collection can
 * take them.
 */
final class HeapBenchmark {
    /** The heap every scenario must fit in. */
    static final long LIMIT_BYTES = 512L << 20;

    private final Benchmarks.Sizes sizes;
    private final PrintStream log;

    HeapBenchmark(Benchmarks.Sizes sizes, PrintStream log) {
        this.sizes = sizes;
        this.log = log;
    }

    /** Forgets the peaks seen so far, so that {@link #heapLimit} covers what ran after this call. */
    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    BenchRow perPoint() {
        int points = sizes.curvePoints();
        MetricCurves curves = CurveBenchmark.curves(points);
        CurveOverlay overlay = CurveOverlay.of(curves, DiffOptions.Alignment.STEP);
        double oursPerPoint = overlay.arrayBytes() / (2.0 * points);

        int probe = Math.max(sizes.xyProbePoints(), MIN_PROBE_POINTS);
        double theirsPerPoint = xyChartDataBytes(probe);
        log.printf(Locale.ROOT, "heap per point: %.1f B, XYChart.Data %.1f B%n", oursPerPoint, theirsPerPoint);
        return new BenchRow(String.format(Locale.ROOT, "memory: heap per curve point (screen chart of 2 x %,d points)", points),
                String.format(Locale.ROOT, "%.1f B/point", oursPerPoint),
                String.format(Locale.ROOT, "JavaFX XYChart.Data<Number,Number>: %.1f B/point", theirsPerPoint),
                oursPerPoint / theirsPerPoint, 0.05, "ratio ≤ 0.05");
    }

    /** Below this many probes, the heap noise of a JVM outweighs the objects being measured. */
    private static final int MIN_PROBE_POINTS = 100_000;

    /**
     * The heap one {@code XYChart.Data<Number, Number>} with boxed doubles retains, measured in a fresh child JVM
     * (this one has run other scenarios, whose garbage and caches made the heap delta meaningless).
     */
    private static double xyChartDataBytes(int probe) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    HeapBenchmark.class.getName(), Integer.toString(probe)).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the XYChart.Data probe failed: " + out);
            }
            return Double.parseDouble(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The probe run by {@link #xyChartDataBytes}: prints the bytes per {@code XYChart.Data} of N points. */
    public static void main(String[] args) {
        int probe = Integer.parseInt(args[0]);
        long before = usedAfterCollection();
        Object[] data = new Object[probe];
        for (int i = 0; i < probe; i++) {
            data[i] = new XYChart.Data<Number, Number>(Double.valueOf(i), Double.valueOf(i * 0.5 + 0.25));
        }
        long retained = usedAfterCollection() - before;
        Reference.reachabilityFence(data);
        System.out.println(retained / (double) probe);
    }

    /** Whether everything ran inside the limit ({@code outOfMemory}: a scenario did not); call after the others. */
    BenchRow heapLimit(boolean outOfMemory) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        String figure = String.format(Locale.ROOT, "peak heap in use ≤ %,d MB (sum of pool peaks), max %,d MB",
                peak >> 20, max >> 20);
        if (max > LIMIT_BYTES + (LIMIT_BYTES >> 4)) {
            return new BenchRow("memory: every scenario inside -Xmx512m", figure,
                    "skipped: this JVM's heap is not limited to 512 MB (run it through the bench command)", Double.NaN, 1.0,
                    "completes in -Xmx512m");
        }
        if (outOfMemory) {
            return new BenchRow("memory: every scenario inside -Xmx512m", "a scenario ran out of heap; " + figure,
                    "-Xmx512m: 512 MB", Double.POSITIVE_INFINITY, 1.0, "completes in -Xmx512m");
        }
        return new BenchRow("memory: every scenario inside -Xmx512m", "completed; " + figure, "-Xmx512m: 512 MB",
                max / (double) LIMIT_BYTES, 1.0, "completes in -Xmx512m");
    }

    /** Heap in use once collections stop changing it (other threads and cleaners settle), at most ten rounds. */
    private static long usedAfterCollection() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 256 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
