package org.reprodiff.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Run;
import org.reprodiff.model.StoredRun;
import org.reprodiff.service.RunReferenceException;
import org.reprodiff.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reprodiff show [--db FILE] RUN [--json]}: one run, every facet. */
@Command(name = "show", description = "Show one run, every facet.")
final class ShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print the run as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "RUN", description = "A store id, a unique native-id prefix, a unique run name, or a run's folder or file.")
    String ref;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Services services = context.services().open(db.file)) {
            StoredRun stored;
            try {
                stored = services.runs().resolve(ref);
            } catch (RunReferenceException e) {
                RunReferences.report(context.err(), e);
                return ExitCodes.ERROR;
            }
            if (json) {
                JsonOutput.print(context.out(), JsonOutput.run(stored.id(), stored.run()));
            } else {
                text(context.out(), stored);
            }
            return ExitCodes.OK;
        }
    }

    private static void text(PrintWriter out, StoredRun stored) {
        Run r = stored.run();
        out.printf("Run %d: %s%n", stored.id(), r.name() == null ? r.nativeId() : r.name());
        out.printf("  format      %s%n  native id   %s%n  experiment  %s%n  status      %s%s%s%n  start       %s%n  end         %s%n  source      %s%n",
                r.format(), r.nativeId(), r.experiment(), r.status(), r.deleted() ? " (deleted)" : "",
                r.truncated() ? " (truncated)" : "", r.startTime(), r.endTime(), r.source());
        section(out, "Parameters", r.params().size());
        r.params().forEach(p -> out.printf("  %s = %s%n", p.key(), p.value().raw()));
        section(out, "Seeds", r.seeds().size());
        r.seeds().forEach(s -> out.printf("  %s = %s  (%s)%n", s.key(), s.value(), s.origin()));
        out.println("Code");
        out.printf("  remote %s, commit %s, branch %s, dirty %s%n  program %s %s%n", r.code().remote(), r.code().commit(),
                r.code().branch(), r.code().dirty(), r.code().program(), String.join(" ", r.code().args()));
        section(out, "Data", r.data().size());
        r.data().forEach(d -> out.printf("  %s  %s  (%s)%n", d.name(), d.digest(), d.origin()));
        section(out, "Environment", r.environment().size());
        r.environment().forEach((k, v) -> out.printf("  %s = %s%n", k, v));
        section(out, "Packages", r.packages().size());
        r.packages().forEach(p -> out.printf("  %s %s  (%s, %s)%n", p.name(),
                p.version() != null ? p.version() : p.constraint(), p.manager(), p.origin()));
        section(out, "Metrics", r.metrics().size());
        for (MetricSeries m : r.metrics()) {
            out.printf("  %s: %d points, steps %d..%d, last %s%n", m.key(), m.size(), m.firstStep(), m.lastStep(), Numbers.format(m.last()));
        }
        if (!r.notCaptured().isEmpty()) {
            out.println("Not captured: " + String.join(", ", r.notCaptured().stream().map(f -> f.id()).toList()));
        }
        section(out, "Problems", r.problems().size());
        r.problems().forEach(p -> out.println("  " + p));
        out.flush();
    }

    private static void section(PrintWriter out, String title, int count) {
        out.println(title + " (" + count + ")");
    }
}
