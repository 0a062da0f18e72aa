package org.reprodiff.ingest.guild;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where things are in a Guild run folder (FORMATS.md 8), from path names and listings only. A <em>run folder</em>
 * is a folder (not a link to one) whose {@code .guild/} holds an {@code attrs/} folder or an {@code opref} file;
 * its folder name is the run id. A run folder below another run's folder (a dependency copied in, such as the
 * {@code target/} of Guild's own "util test" samples, or a batch's {@code .guild/proto/}) is that other run's
 * record, not part of the outer run. A run under {@code trash/runs/} was deleted with {@code guild runs rm}.
 */
final class GuildLayout {
    static final String META_DIR = ".guild";
    static final String ATTRS = "attrs";
    static final String OPREF = "opref";
    static final String OUTPUT = "output";
    static final String MANIFEST = "manifest";
    static final String LOCK = "LOCK";
    static final String LOCK_REMOTE = "LOCK.remote";
    static final String PENDING = "PENDING";
    static final String STAGED = "STAGED";

    private GuildLayout() {
    }

    /** Whether {@code path} is a run folder; {@code attributes} (may be null) saves a look-up. Never throws. */
    static boolean isRunFolder(Path path, BasicFileAttributes attributes) {
        if (path == null || attributes != null && !attributes.isDirectory()) {
            return false;
        }
        try {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path meta = path.resolve(META_DIR);
            return Files.isDirectory(meta.resolve(ATTRS)) || Files.isRegularFile(meta.resolve(OPREF));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a folder at or above {@code folder} and strictly below {@code run} is itself a run folder. */
    static boolean insideNestedRun(Path run, Path folder) {
        for (Path p = folder; p != null && !p.equals(run) && p.startsWith(run); p = p.getParent()) {
            if (isRunFolder(p, null)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the run folder sits in Guild's trash ({@code .../trash/runs/<id>}). */
    static boolean inTrash(Path run) {
        Path runs = run.getParent();
        Path trash = runs == null ? null : runs.getParent();
        return trash != null && trash.getFileName() != null && runs.getFileName() != null
                && runs.getFileName().toString().equals("runs") && trash.getFileName().toString().equals("trash");
    }

    static boolean marker(Path run, String name) {
        return Files.exists(run.resolve(META_DIR).resolve(name), LinkOption.NOFOLLOW_LINKS);
    }
}
