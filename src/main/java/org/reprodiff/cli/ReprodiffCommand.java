package org.reprodiff.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code reprodiff} command; its subcommands do the work. */
@Command(name = "reprodiff", mixinStandardHelpOptions = true, versionProvider = ReprodiffCommand.Version.class,
        description = "Find every ML run in a folder and say what changed between two of them.")
public final class ReprodiffCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line over a context; {@code execute(args)} returns the exit code. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new ReprodiffCommand())
                .addSubcommand(new OpenCommand(context))
                .addSubcommand(new ImportCommand(context))
                .addSubcommand(new RunsCommand(context))
                .addSubcommand(new ShowCommand(context))
                .addSubcommand(new DiffCommand(context))
                .addSubcommand(new ReportCommand(context));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("reprodiff: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return ExitCodes.ERROR;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ReprodiffCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Reprodiff " + (v == null ? "development build" : v)};
        }
    }
}
