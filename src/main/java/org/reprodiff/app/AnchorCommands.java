package org.reprodiff.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Runs the benchmark anchors: external commands timed by wall clock, process start included, best of a few
 * runs. A command whose tool is not on the {@code PATH} is not run: its anchor is "skipped" with the Debian
 * package that provides the tool, so that a missing anchor is reported, never dropped.
 *
 * <p>Invariant: an anchor is either measured ({@code seconds > 0}) or skipped (a reason); a command that fails is
 * an error, not a skip, because then the figure beside it would compare with nothing.
 */
final class AnchorCommands {
    /** A measured anchor, or the reason it was skipped. {@code rate} turns seconds into the printed figure. */
    record Anchor(String label, double seconds, String skipReason, DoubleFunction<String> rate) {
        boolean skipped() {
            return skipReason != null;
        }

        String describe() {
            if (skipped()) {
                return label + ": skipped: " + skipReason;
            }
            return label + ": " + rate.apply(seconds);
        }

        static Anchor skip(String label, String reason) {
            return new Anchor(label, Double.NaN, reason, s -> "");
        }
    }

    private final int repeats;

    AnchorCommands(int repeats) {
        this.repeats = repeats;
    }

    /**
     * Times {@code sh -c script} with {@code args} as {@code $0 $1 ...}, best of the repeats; {@code tools} are
     * the commands the script needs, each with its Debian package, as {@code "tool:package"}.
     */
    Anchor time(String label, List<String> tools, String script, List<String> args, DoubleFunction<String> rate)
            throws IOException, InterruptedException {
        for (String tool : tools) {
            String[] parts = tool.split(":", 2);
            if (!onPath(parts[0])) {
                return Anchor.skip(label, "no " + parts[0] + " on the PATH: install Debian package " + parts[1]);
            }
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            best = Math.min(best, runOnce(script, args));
        }
        return new Anchor(label, best, null, rate);
    }

    /** Runs a command once and returns what it printed on standard output (for anchors that time themselves). */
    static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(command.get(0) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static DoubleFunction<String> megabytesPerSecond(long bytes) {
        return s -> String.format(Locale.ROOT, "%,.1f MB/s (%.3f s)", bytes / 1e6 / s, s);
    }

    static DoubleFunction<String> milliseconds() {
        return s -> String.format(Locale.ROOT, "%.1f ms", s * 1e3);
    }

    private static double runOnce(String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", script));
        command.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IOException("anchor `" + script + "` failed (exit " + exit + "): " + err);
        }
        return seconds;
    }
}
