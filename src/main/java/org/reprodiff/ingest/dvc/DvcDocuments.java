package org.reprodiff.ingest.dvc;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.model.ImportProblem;

/**
 * Reads the YAML and JSON files of a DVC project or DVCLive folder into plain data (maps, lists, strings,
 * numbers, booleans, nulls), through the one safe YAML reader and the one lenient JSON reader. Invariant: never
 * throws for bad content; a file that cannot be read or parsed adds one problem naming the file (and its line
 * where the parser tells it) and reads as {@link Loaded#failed}; an absent file reads as {@link Loaded#ABSENT}
 * and adds none.
 */
final class DvcDocuments {

    /** A file's document: {@code present} false when it is absent, {@code readable} false when it did not parse. */
    record Loaded(Object document, boolean present, boolean readable) {
        static final Loaded ABSENT = new Loaded(null, false, false);

        static Loaded failed() {
            return new Loaded(null, true, false);
        }
    }

    private DvcDocuments() {
    }

    /** Reads {@code file} as JSON when its name ends in {@code .json}, else as YAML. */
    static Loaded load(Path file, List<ImportProblem> problems) {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new ImportProblem(file.toString(), "", "not a regular file"));
                return Loaded.failed();
            }
            return Loaded.ABSENT;
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        try {
            Object doc = name.endsWith(".json")
                    ? LenientJson.mapper().readValue(file.toFile(), Object.class)
                    : SafeYaml.read(file);
            return new Loaded(doc, true, true);
        } catch (NoSuchFileException e) {
            return Loaded.ABSENT;
        } catch (SafeYaml.YamlException e) {
            problems.add(SafeYaml.problem(file.toString(), e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            problems.add(new ImportProblem(file.toString(), where, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
        return Loaded.failed();
    }

    /** Whether DVC reads a params or metrics file of this name with a parser this package has (YAML, JSON). */
    static boolean supported(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
