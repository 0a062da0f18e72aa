package org.reprodiff.cli;

import picocli.CommandLine.Parameters;

/** The two run references that {@code diff} and {@code report} compare. */
public final class RunPair {
    @Parameters(index = "0", paramLabel = "RUN_A", description = "The first run, the baseline (id, native-id prefix, name or path).")
    String a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second run.")
    String b;
}
