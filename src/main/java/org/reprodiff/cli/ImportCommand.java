package org.reprodiff.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reprodiff import [--db FILE] [--json] PATH...}: imports folders; prints every problem as
 * {@code file:where: message}, then one summary line per format and a total.
 */
@Command(name = "import", description = "Import the runs found in folders or files.")
final class ImportCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders or files to import.")
    List<Path> paths;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Services services = context.services().open(db.file)) {
            ImportReport report = services.imports().importPaths(paths, (done, total, what) -> { });
            if (json) {
                ObjectNode root = JsonOutput.mapper().createObjectNode();
                ObjectNode formats = root.putObject("formats");
                report.byFormat().forEach((format, counts) -> counts(formats.putObject(format), counts));
                counts(root.putObject("total"), report.total());
                JsonOutput.problems(root.putArray("problems"), report.problems());
                JsonOutput.print(context.out(), root);
            } else {
                for (ImportProblem p : report.problems()) {
                    context.out().println(p);
                }
                report.byFormat().forEach((format, counts) -> context.out().println(line(format, counts)));
                context.out().println(line("total", report.total()));
                context.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    private static void counts(ObjectNode node, ImportReport.Counts c) {
        node.put("new", c.newRuns()).put("updated", c.updated()).put("unchanged", c.unchanged()).put("failed", c.failed());
    }

    static String line(String label, ImportReport.Counts c) {
        return String.format("%s: %d new, %d updated, %d unchanged, %d failed", label, c.newRuns(), c.updated(),
                c.unchanged(), c.failed());
    }
}
