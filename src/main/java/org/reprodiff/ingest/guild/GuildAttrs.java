package org.reprodiff.ingest.guild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.model.ImportProblem;

/**
 * A run's attributes: {@code .guild/attrs/<name>}, each one YAML document Guild wrote with
 * {@code yaml.safe_dump} (FORMATS.md 8). Read on demand, each file at most once, through {@link SafeYaml}; an
 * absent attribute is null and no problem, an unreadable or malformed one is null plus a problem naming the file
 * (and its line when known). Typed getters report a value of the wrong kind as a problem too, and never throw.
 * Not thread-safe: one instance per run being read.
 */
final class GuildAttrs {
    private static final Object MISSING = new Object();

    private final Path dir;
    private final List<ImportProblem> problems;
    private final Map<String, Object> cache = new HashMap<>();

    GuildAttrs(Path runFolder, List<ImportProblem> problems) {
        this.dir = runFolder.resolve(GuildLayout.META_DIR).resolve(GuildLayout.ATTRS);
        this.problems = problems;
    }

    /** The attribute's document (map, list, string, number, boolean), or null when absent or unreadable. */
    Object get(String name) {
        Object v = cache.computeIfAbsent(name, this::load);
        return v == MISSING ? null : v;
    }

    /** A scalar attribute as text (numbers and booleans as YAML wrote them), or null. */
    String text(String name) {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            wrongKind(name, "a single value");
            return null;
        }
        return v.toString();
    }

    /** A whole-number attribute ({@code exit_status}, a µs timestamp), or null. */
    Long integer(String name) {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        wrongKind(name, "a whole number");
        return null;
    }

    Map<?, ?> map(String name) {
        Object v = get(name);
        if (v == null || v instanceof Map<?, ?>) {
            return (Map<?, ?>) v;
        }
        wrongKind(name, "a mapping");
        return null;
    }

    List<?> list(String name) {
        Object v = get(name);
        if (v == null || v instanceof List<?>) {
            return (List<?>) v;
        }
        wrongKind(name, "a list");
        return null;
    }

    /** Whether the attribute's file exists, whatever it holds. */
    boolean present(String name) {
        return Files.exists(dir.resolve(name));
    }

    String file(String name) {
        return dir.resolve(name).toString();
    }

    private void wrongKind(String name, String expected) {
        problems.add(new ImportProblem(file(name), "", "not " + expected + ": '" + abbreviate(get(name)) + "'"));
    }

    private Object load(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return MISSING;
        }
        try {
            Object doc = SafeYaml.read(file);
            return doc == null ? MISSING : doc;
        } catch (SafeYaml.YamlException e) {
            problems.add(SafeYaml.problem(file.toString(), e));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
        return MISSING;
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
