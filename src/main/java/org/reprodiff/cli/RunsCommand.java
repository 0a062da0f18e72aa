package org.reprodiff.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reprodiff runs [--db FILE] [--json]}: lists the runs in the database. */
@Command(name = "runs", description = "List the imported runs.")
final class RunsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print the runs as JSON.")
    boolean json;

    RunsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Services services = context.services().open(db.file)) {
            List<RunSummary> runs = services.runs().list();
            if (json) {
                ArrayNode array = JsonOutput.mapper().createArrayNode();
                runs.forEach(r -> array.add(JsonOutput.summary(r)));
                JsonOutput.print(context.out(), array);
            } else {
                TextTable table = new TextTable("ID", "FORMAT", "STATUS", "NAME", "EXPERIMENT", "RUN ID", "PARAMS", "METRICS", "START");
                for (RunSummary r : runs) {
                    table.row(Long.toString(r.id()), r.format(), r.status().name() + (r.deleted() ? " (deleted)" : ""),
                            r.name(), r.experiment(), shortId(r.nativeId()), Integer.toString(r.paramCount()),
                            Integer.toString(r.metricKeys().size()), r.startTime() == null ? "" : r.startTime().toString());
                }
                table.print(context.out());
                context.out().println(runs.size() + (runs.size() == 1 ? " run" : " runs"));
                context.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
