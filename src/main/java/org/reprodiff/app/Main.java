package org.reprodiff.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.reprodiff.cli.CliContext;
import org.reprodiff.cli.ReprodiffCommand;

/**
 * Entry point. Not a JavaFX {@code Application}: with no arguments it runs {@code open} (the desktop app on
 * {@code sample-runs}); {@code open [FOLDER]} starts the desktop app; {@code bench [--quick] [--work DIR] [--keep]}
 * runs the benchmarks ({@link Benchmarks}); any other command runs headless.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            return Benchmarks.launch(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        String[] effective = args.length == 0 ? new String[] {"open"} : args;
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Composition::services, Composition::openDesktop, out, err);
        return ReprodiffCommand.commandLine(context).execute(effective);
    }
}
