package org.reprodiff.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option every command shares. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", description = "The run database (default: in the user's application-data folder).")
    Path file;
}
