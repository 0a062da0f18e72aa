package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.model.ImportProblem;

/**
 * Reads the small files of a file store: a YAML mapping ({@code meta.yaml}) or a whole text file (a param or
 * tag value). MLflow's flat {@code meta.yaml} is read by {@link MlflowFlatYaml}, anything else by
 * {@link SafeYaml}, to the same map. Either gives the content or one {@link ImportProblem} saying why there is
 * none; it never throws.
 */
final class MlflowMetaFile {

    /** A mapping read from a file, or the problem that stopped it (exactly one is non-null). */
    record Outcome(Map<?, ?> map, ImportProblem problem) {
    }

    /** A file's text, or the problem that stopped it (exactly one is non-null). */
    record Text(String text, ImportProblem problem) {
    }

    private MlflowMetaFile() {
    }

    static Outcome readMap(Path file) {
        Text text = readText(file);
        if (text.problem() != null) {
            return new Outcome(null, text.problem());
        }
        Map<String, Object> flat = MlflowFlatYaml.parse(text.text());
        if (flat != null) {
            return new Outcome(flat, null);
        }
        String name = file.toString();
        Object doc;
        try {
            doc = SafeYaml.parse(text.text());
        } catch (RuntimeException e) {
            return new Outcome(null, SafeYaml.problem(name, e));
        }
        if (doc == null) {
            return new Outcome(null, new ImportProblem(name, "", "empty file, expected a YAML mapping"));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            return new Outcome(null, new ImportProblem(name, "", "not a YAML mapping but a "
                    + doc.getClass().getSimpleName()));
        }
        return new Outcome(map, null);
    }

    /** The whole file as UTF-8 (malformed bytes replaced), or why it cannot be read. */
    static Text readText(Path file) {
        try {
            return new Text(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), null);
        } catch (IOException | RuntimeException e) {
            return new Text(null, new ImportProblem(file.toString(), "", cannotRead(file, e)));
        }
    }

    /** Why {@code file} could not be read, in words: a folder, a dangling link, a missing file, or the error. */
    static String cannotRead(Path file, Exception e) {
        if (Files.isDirectory(file)) {
            return "cannot be read: a folder where a file is expected";
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException | RuntimeException ignored) {
                target = "?";
            }
            return "cannot be read: dangling link to " + target;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || e instanceof NoSuchFileException) {
            return "cannot be read: file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read: access denied";
        }
        return "cannot be read: " + e;
    }
}
