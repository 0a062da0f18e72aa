package org.reprodiff.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.reprodiff.model.Progress;

/**
 * Reads one source format. Importers only parse: they never write, never touch the store, and report every
 * unreadable file or line as an {@link org.reprodiff.model.ImportProblem} instead of throwing.
 *
 * <p>A <em>source</em> is what {@link #canRead} recognises (an {@code mlruns} folder, an {@code mlflow.db}
 * file). A source is made of <em>units</em>: the smallest pieces that are change-checked and read as one (a
 * run folder, a database file). A unit yields zero or more runs.
 */
public interface RunImporter {

    /** A short stable id such as {@code mlflow}; it is the run's {@code format}. */
    String formatId();

    /** A cheap sniff: is this folder or file the root of a source this importer reads? Never throws. */
    boolean canRead(Path path);

    /**
     * The same sniff given the attributes the scanner already read (not following links), so an importer that
     * needs a file's kind or size does not ask the file system again. By default it ignores them.
     */
    default boolean canRead(Path path, BasicFileAttributes attributes) {
        return canRead(path);
    }

    /**
     * Whether a source this importer claims owns everything below it. When true the scanner asks no importer
     * about the folders and files under the source (a Lightning version folder's event files and
     * {@code metrics.csv}, a tool's logs saved among a run's artifacts): they are this importer's to read and
     * attach to its runs. When an owning importer and others claim the same folder, the owning one wins.
     */
    default boolean ownsSubtree() {
        return false;
    }

    /**
     * What a unit looks like without reading it; equal fingerprints mean it need not be read again. By default the
     * listing of every file below it with sizes and times ({@link UnitFingerprint}); an importer whose units hold
     * large folders it never reads (a DVC project's data) narrows it to the files it reads.
     */
    default String fingerprint(Path unit) throws IOException {
        return UnitFingerprint.of(unit);
    }

    /** The units of a source, found without reading them; by default the source is its one unit. */
    default List<Path> units(Path source) throws IOException {
        return List.of(source);
    }

    /** Reads one unit. Checks {@link Thread#interrupted()} between runs; never throws for bad content. */
    ImportResult read(Path unit, Progress progress);
}
