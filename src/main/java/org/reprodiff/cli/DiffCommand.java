package org.reprodiff.cli;

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

/**
 * {@code reprodiff diff RUN_A RUN_B}: what changed and why; exits 0 when the verdict is REPRODUCED, 1 when the
 * runs differ, 2 on error, so it can gate a CI job.
 */
@Command(name = "diff", description = "Compare two runs: verdict, likely causes, every facet.")
final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Mixin
    RunPair runs;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown, html or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ComparisonOptions comparison;

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
            options = comparison.toDiffOptions();
        } catch (IllegalArgumentException e) {
            context.err().println("reprodiff: " + e.getMessage());
            context.err().flush();
            return ExitCodes.ERROR;
        }
        try (Services services = context.services().open(db.file)) {
            ComparedRuns compared;
            try {
                compared = services.compare().compare(runs.a, runs.b, options);
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
