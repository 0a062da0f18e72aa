package org.reprodiff.ingest.tensorboard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.sample.EventFileWriter;

/**
 * Import throughput of the TensorBoard importer on a synthetic scalar event file (issue 4, closing note). Writes a
 * file of 2 million {@code simple_value} events over 10 tags of 10 characters (about 100 MB; seeded, so the
 * same bytes every time) into a temporary folder, reads it once with {@code dd if=F of=/dev/null bs=4M
 * iflag=direct} as the anchor (the disk, bypassing the page cache), then imports it three times single-threaded
 * in one JVM (the first import includes JIT warm-up) and prints, for each, MB/s (10^6 bytes per second) and
 * events/s by wall clock, and MB/s by the reading thread's CPU time (which shows how much a busy machine slowed
 * the wall clock; the load average is printed too). Deletes the folder at the end. Not a test: no timing is
 * asserted anywhere.
 *
 * <p>Run it from the project folder (the class path goes through a file because {@code mvn -q} may print
 * terminal escape codes on standard output):
 * <pre>
 * mvn -q -B test-compile
 * mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
 * java -cp target/classes:target/test-classes:$(cat target/benchmark.classpath) \
 *     org.reprodiff.ingest.tensorboard.TensorboardThroughputBenchmark [events]
 * </pre>
 */
public final class TensorboardThroughputBenchmark {
    private static final int TAGS = 10;
    private static final int RUNS = 3;

    private TensorboardThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        Path dir = Files.createTempDirectory("reprodiff-tb-benchmark");
        try {
            Path run = Files.createDirectory(dir.resolve("run"));
            Path file = run.resolve(EventFileWriter.fileName(1_700_000_000L, "benchmark", 1, 0));
            long size = write(file, events);
            System.out.printf(Locale.ROOT, "file: %s, %,d bytes, %,d events over %d tags%n", file, size, events, TAGS);
            anchor(file, size);
            TensorboardImporter importer = new TensorboardImporter();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 1; i <= RUNS; i++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                ImportResult result = importer.read(run, Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                check(result, events);
                System.out.printf(Locale.ROOT, "import %d: %.3f s, %.0f MB/s, %,.0f events/s (thread CPU %.3f s: %.0f MB/s);"
                        + " load average %s%n", i, seconds, size / 1e6 / seconds, events / seconds, cpu, size / 1e6 / cpu,
                        loadAverage());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Ten tags of ten characters; each a seeded random walk; one event per value, steps per tag 0, 1, 2, ... */
    private static long write(Path file, long events) throws IOException {
        String[] tags = new String[TAGS];
        for (int t = 0; t < TAGS; t++) {
            tags[t] = String.format(Locale.ROOT, "metric/t%02d", t);
        }
        Random random = new Random(20240501L);
        float[] level = new float[TAGS];
        try (EventFileWriter w = EventFileWriter.create(file, 1_700_000_000.0)) {
            for (long i = 0; i < events; i++) {
                int t = (int) (i % TAGS);
                level[t] += (float) random.nextGaussian() * 0.01f;
                w.scalar(tags[t], i / TAGS, level[t], 1_700_000_000.0 + i * 0.001);
            }
            return w.size();
        }
    }

    private static void anchor(Path file, long size) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process dd = new ProcessBuilder("dd", "if=" + file, "of=/dev/null", "bs=4M", "iflag=direct")
                .redirectErrorStream(true).start();
        String out = new String(dd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = dd.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
        System.out.printf(Locale.ROOT, "anchor dd iflag=direct (exit %d): %.3f s with process start, %.0f MB/s; dd says: %s%n",
                exit, seconds, size / 1e6 / seconds, last);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void check(ImportResult result, long events) {
        List<Run> runs = result.runs();
        if (runs.size() != 1 || !result.problems().isEmpty()) {
            throw new IllegalStateException("unexpected import: " + runs.size() + " runs, " + result.problems());
        }
        long points = 0;
        for (MetricSeries s : runs.get(0).metrics()) {
            points += s.size();
        }
        if (points != events || runs.get(0).metrics().size() != Math.min(TAGS, events)) {
            throw new IllegalStateException("read " + points + " points in " + runs.get(0).metrics().size() + " series");
        }
    }
}
