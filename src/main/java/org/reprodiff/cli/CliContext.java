package org.reprodiff.cli;

import java.io.PrintWriter;
import org.reprodiff.service.ServicesFactory;

/** What every command needs: the services factory, the desktop launcher and the output streams. */
public record CliContext(ServicesFactory services, DesktopLauncher desktop, PrintWriter out, PrintWriter err) {
}
