package org.reprodiff.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code reprodiff open [--db FILE] [FOLDER]}: the desktop app on a folder (default: sample-runs). */
@Command(name = "open", description = "Open the desktop app on FOLDER (default: sample-runs).")
final class OpenCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DatabaseOption db;

    @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "The project folder to open.")
    Path folder;

    OpenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return context.desktop().open(db.file, folder);
    }
}
