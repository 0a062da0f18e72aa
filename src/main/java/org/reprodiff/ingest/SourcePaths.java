package org.reprodiff.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one spelling of a run's {@code source}: the canonical path of the folder or file it was read from (links
 * resolved), or, when that cannot be had (the path vanished), its absolute normalised form. Importers name their
 * runs' sources with it and the service resolves a path a user types with it, so the two always meet.
 */
public final class SourcePaths {
    private SourcePaths() {
    }

    public static String canonical(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }
}
