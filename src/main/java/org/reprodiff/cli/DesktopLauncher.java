package org.reprodiff.cli;

import java.nio.file.Path;

/** Starts the desktop app on a folder with a database; provided by the composition root. */
@FunctionalInterface
public interface DesktopLauncher {
    /** Blocks until the app's last window closes; returns the exit code. */
    int open(Path database, Path folder);
}
