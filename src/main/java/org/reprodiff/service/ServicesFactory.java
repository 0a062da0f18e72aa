package org.reprodiff.service;

import java.nio.file.Path;

/** Opens the services on a database file (null: the default database). Implemented by the composition root. */
@FunctionalInterface
public interface ServicesFactory {
    Services open(Path database);
}
