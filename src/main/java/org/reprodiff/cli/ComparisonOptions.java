package org.reprodiff.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprodiff.diff.DiffOptions;
import picocli.CommandLine.Option;

/** The options that say how two runs are compared, shared by {@code diff} and {@code report}. */
public final class ComparisonOptions {
    @Option(names = "--rtol", defaultValue = "1e-5", description = "Relative tolerance for metric values (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-8", description = "Absolute tolerance for metric values (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--ignore", paramLabel = "GLOB", description = "Parameter keys to treat as expected differences, e.g. 'trainer.*_dir' (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--align", defaultValue = "step", description = "How curves are aligned: step, index, wall-time or relative-time (default: ${DEFAULT-VALUE}).")
    String align;

    /** The options as the differ takes them; throws {@link IllegalArgumentException} for a bad value. */
    DiffOptions toDiffOptions() {
        return new DiffOptions(rtol, atol, ignore, DiffOptions.Alignment.valueOf(align.toUpperCase(Locale.ROOT).replace('-', '_')));
    }
}
