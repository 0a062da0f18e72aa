package org.reprodiff.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.Verdict;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.service.RunReferenceException;
import org.reprodiff.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reprodiff diff RUN_A RUN_B}: what changed and why; exits 0 when the verdict is REPRODUCED, 1 when the
 * runs differ, 2 on error, so it can gate a CI job.
 */
@Command(name = "diff", description = "Compare two runs: verdict, likely causes, every facet.")
final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The first run (id, native-id prefix, name or path).")
    String refA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second run.")
    String refB;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown, html or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--rtol", defaultValue = "1e-5", description = "Relative tolerance for metric values (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-8", description = "Absolute tolerance for metric values (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--ignore", paramLabel = "GLOB", description = "Parameter keys to treat as expected differences, e.g. 'trainer.*_dir' (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--align", defaultValue = "step", description = "How curves are aligned: step, index, wall-time or relative-time (default: ${DEFAULT-VALUE}).")
    String align;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat reportFormat;
        DiffOptions options;
        try {
            reportFormat = ReportFormat.parse(format);
            if (reportFormat.binary()) {
                throw new IllegalArgumentException("diff prints text; write a PDF with: reprodiff report RUN_A RUN_B -o FILE.pdf");
            }
            options = new DiffOptions(rtol, atol, ignore,
                    DiffOptions.Alignment.valueOf(align.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            context.err().println("reprodiff: " + e.getMessage());
            context.err().flush();
            return ExitCodes.ERROR;
        }
        try (Services services = context.services().open(db.file)) {
            ComparedRuns compared;
            try {
                compared = services.compare().compare(refA, refB, options);
            } catch (RunReferenceException e) {
                RunReferences.report(context.err(), e);
                return ExitCodes.ERROR;
            }
            context.out().print(services.compare().render(compared, reportFormat));
            context.out().flush();
            return compared.comparison().verdict() == Verdict.REPRODUCED ? ExitCodes.OK : ExitCodes.DIFFERENT;
        }
    }
}
