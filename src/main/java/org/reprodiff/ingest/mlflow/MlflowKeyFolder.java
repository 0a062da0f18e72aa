package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.model.ImportProblem;

/**
 * A run's {@code params/}, {@code tags/} or {@code metrics/} folder: one file per key, where a key holding
 * {@code /} is stored as sub-folders (FORMATS.md 1.1). Hands each file to a reader with its key (the path
 * relative to the folder, joined with {@code /}), in key order within each folder. A file the reader cannot
 * read (a dangling link, say) becomes a problem naming it; a sub-folder holding no file at all is reported
 * too, since MLflow never writes one and it usually stands where a file should be.
 *
 * <p>To stay cheap on stores of many small runs, entries are not stat'ed up front: each is read as a file,
 * and only when that fails is it checked for being a folder of nested keys.
 */
final class MlflowKeyFolder {
    private static final int MAX_DEPTH = 32;

    /** Reads one key's file; throws when the file cannot be read (a folder, a dangling link). */
    @FunctionalInterface
    interface FileReader {
        void read(String key, Path file) throws IOException;
    }

    private MlflowKeyFolder() {
    }

    /** Reads every file under {@code dir}; nothing when the folder does not exist. */
    static void forEach(Path dir, String what, List<ImportProblem> problems, FileReader reader) {
        List<Path> children;
        try {
            children = children(dir);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(dir)) {
                problems.add(new ImportProblem(dir.toString(), "", "expected a folder of " + what
                        + " files, found a dangling link"));
            }
            return;
        } catch (NotDirectoryException e) {
            problems.add(new ImportProblem(dir.toString(), "", "expected a folder of " + what + " files, found a file"));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(dir.toString(), "", "folder cannot be listed: " + e));
            return;
        }
        readAll(children, "", what, 0, problems, reader);
    }

    /** Reads the files; returns whether there was any entry at all. */
    private static boolean readAll(List<Path> children, String prefix, String what, int depth,
                                   List<ImportProblem> problems, FileReader reader) {
        for (Path child : children) {
            String key = prefix + child.getFileName();
            try {
                reader.read(key, child);
            } catch (IOException | RuntimeException e) {
                if (Files.isDirectory(child)) {
                    nested(child, key, what, depth + 1, problems, reader);
                } else {
                    problems.add(new ImportProblem(child.toString(), "",
                            what + " '" + key + "' " + MlflowMetaFile.cannotRead(child, e)));
                }
            }
        }
        return !children.isEmpty();
    }

    private static void nested(Path dir, String key, String what, int depth, List<ImportProblem> problems,
                               FileReader reader) {
        if (depth > MAX_DEPTH) {
            problems.add(new ImportProblem(dir.toString(), "", "folders nested too deep (a link loop?); skipped"));
            return;
        }
        List<Path> children;
        try {
            children = children(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(dir.toString(), "", "folder cannot be listed: " + e));
            return;
        }
        if (!readAll(children, key + "/", what, depth, problems, reader)) {
            problems.add(new ImportProblem(dir.toString(), "", "an empty folder where a " + what
                    + " file is expected; no " + what + " '" + key + "' read"));
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        return children;
    }
}
