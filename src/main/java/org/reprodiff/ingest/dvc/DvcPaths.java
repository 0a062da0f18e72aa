package org.reprodiff.ingest.dvc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Paths as DVC writes them (relative to the project folder, {@code /}-separated) and the one rule that tells a
 * dependency that is code from one that is data.
 *
 * <p>Code rule: a dependency is code when its name ends in a source-code extension ({@code .py}, {@code .ipynb},
 * {@code .sh}, {@code .R}, …), when its first segment is a conventional code folder ({@code src}, {@code code},
 * {@code scripts}, {@code lib}), or when a stage command names a source file at or below it
 * ({@code python3 src/train.py} makes {@code src} code). Everything else a stage depends on is data. The rule
 * reads names only, so {@code python train.py data/raw} leaves {@code data/raw} data.
 */
final class DvcPaths {
    private static final Set<String> CODE_EXTENSIONS = Set.of("py", "ipynb", "pyx", "sh", "bash", "r", "jl", "scala",
            "java", "kt", "js", "ts", "c", "cc", "cpp", "h", "hpp", "cu", "go", "rs", "m", "lua", "sql", "rmd");
    private static final Set<String> CODE_FOLDERS = Set.of("src", "code", "scripts", "lib");

    private DvcPaths() {
    }

    /** {@code path} made relative to the project from a stage's {@code wdir}, normalised, with {@code /}. */
    static String join(String wdir, String path) {
        String p = path.replace('\\', '/');
        Path joined = wdir.isEmpty() || p.startsWith("/") ? Path.of(p) : Path.of(wdir.replace('\\', '/')).resolve(p);
        String out = joined.normalize().toString().replace('\\', '/');
        return out.isEmpty() ? "." : out;
    }

    /** Whether a value holds DVC templating that only {@code dvc.lock} has resolved. */
    static boolean templated(String s) {
        return s.contains("${");
    }

    /** A stage command as one line: a list of commands is joined with {@code &&}, the way DVC runs them. */
    static String command(Object cmd) {
        if (cmd instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(c -> parts.add(String.valueOf(c)));
            return String.join(" && ", parts);
        }
        return String.valueOf(cmd);
    }

    /** Whether the dependency at {@code path} is code by the rule above, given the stages' commands. */
    static boolean isCode(String path, Collection<String> commands) {
        if (hasCodeExtension(path)) {
            return true;
        }
        int slash = path.indexOf('/');
        if (CODE_FOLDERS.contains((slash < 0 ? path : path.substring(0, slash)).toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String cmd : commands) {
            for (String token : cmd.split("[\\s\"'=]+")) {
                String t = token.startsWith("./") ? token.substring(2) : token;
                if (hasCodeExtension(t) && t.startsWith(path + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasCodeExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 && CODE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
