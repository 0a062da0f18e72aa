package org.reprodiff.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.service.ReportService;
import org.reprodiff.service.RunReferenceException;
import org.reprodiff.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reprodiff report RUN_A RUN_B -o FILE}: writes the reproducibility report (PDF, HTML, Markdown or JSON,
 * from the extension or {@code --format}); exits 0 when the file was written, 2 when it was not.
 */
@Command(name = "report", description = "Write the reproducibility report of two runs (PDF, HTML, Markdown or JSON).")
final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Mixin
    RunPair runs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The report file to write, e.g. report.pdf.")
    Path output;

    @Option(names = "--format", description = "pdf, html, markdown or json (default: from the file's extension).")
    String format;

    @Mixin
    ComparisonOptions comparison;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat reportFormat;
        DiffOptions options;
        try {
            reportFormat = ReportService.formatFor(output, format);
            options = comparison.toDiffOptions();
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try (Services services = context.services().open(db.file)) {
            ComparedRuns compared;
            try {
                compared = services.compare().compare(runs.a, runs.b, options);
            } catch (RunReferenceException e) {
                RunReferences.report(context.err(), e);
                return ExitCodes.ERROR;
            }
            Path written;
            try {
                written = services.reports().write(compared, reportFormat, output);
            } catch (IOException e) {
                return fail("could not write " + output + ": " + e.getMessage());
            }
            context.out().println("wrote " + written + " (" + reportFormat.name().toLowerCase(Locale.ROOT) + ", verdict "
                    + compared.comparison().verdict() + ")");
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    private int fail(String message) {
        context.err().println("reprodiff: " + message);
        context.err().flush();
        return ExitCodes.ERROR;
    }
}
