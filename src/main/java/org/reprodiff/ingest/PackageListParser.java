package org.reprodiff.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.PackageRef;

/**
 * Reads package lists, shared by every importer: the files MLflow writes beside a logged model (FORMATS.md 1.1),
 * W&B's {@code files/requirements.txt} and {@code conda-environment.yaml}, and the like:
 * {@code requirements.txt} (pip), {@code conda.yaml} (conda dependencies, with a nested {@code pip:} list) and
 * {@code python_env.yaml} ({@code python:} and {@code build_dependencies}). Every package it returns has the
 * origin it was given; an exact pin ({@code name==1.0}, conda {@code name=1.0}) gives a version, any other
 * specifier gives a null version and keeps the specifier as the constraint. Versions are kept whole
 * ({@code 2.1.0+cu118}). Comments, blank lines and pip options ({@code -r file}, {@code --index-url}) are
 * skipped; a line that names no package becomes a problem.
 */
public final class PackageListParser {

    /** What one file says: its packages and, when it names one, the Python version (else null). */
    public record Environment(List<PackageRef> packages, String python) {
        public Environment {
            packages = List.copyOf(packages);
        }
    }

    /** One of the parse methods, for callers that pick the file kind at run time. */
    @FunctionalInterface
    public interface Reader {
        Environment read(String text, String origin, String file, List<ImportProblem> problems);
    }

    private PackageListParser() {
    }

    /** A pip requirements file. */
    public static Environment requirements(String text, String origin, String file, List<ImportProblem> problems) {
        List<PackageRef> packages = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            pipLine(lines[i], origin, packages, file, "line " + (i + 1), problems);
        }
        return new Environment(packages, null);
    }

    /** A conda environment file: {@code dependencies} holds conda specs and a {@code pip:} list. */
    public static Environment conda(String text, String origin, String file, List<ImportProblem> problems) {
        Map<?, ?> doc = yamlMap(text, file, problems);
        List<PackageRef> packages = new ArrayList<>();
        String python = null;
        Object deps = doc == null ? null : doc.get("dependencies");
        if (deps != null && !(deps instanceof List)) {
            problems.add(new ImportProblem(file, "field dependencies", "not a list"));
            return new Environment(packages, null);
        }
        for (Object dep : deps == null ? List.of() : (List<?>) deps) {
            if (dep instanceof Map<?, ?> m) {
                Object pip = m.get("pip");
                for (Object line : pip instanceof List<?> l ? l : List.of()) {
                    pipLine(String.valueOf(line), origin, packages, file, "field dependencies.pip", problems);
                }
            } else if (dep != null) {
                String spec = dep.toString().trim();
                PackageRef ref = condaSpec(spec, origin);
                if (ref == null) {
                    problems.add(new ImportProblem(file, "field dependencies", "not a package: '" + spec + "'"));
                } else if (ref.name().equals("python")) {
                    python = ref.version() != null ? ref.version() : python;
                } else {
                    packages.add(ref);
                }
            }
        }
        return new Environment(packages, python);
    }

    /** MLflow's virtualenv file: {@code python}, {@code build_dependencies} and {@code dependencies} (pip). */
    public static Environment pythonEnv(String text, String origin, String file, List<ImportProblem> problems) {
        Map<?, ?> doc = yamlMap(text, file, problems);
        if (doc == null) {
            return new Environment(List.of(), null);
        }
        Object python = doc.get("python");
        List<PackageRef> packages = new ArrayList<>();
        for (String field : List.of("build_dependencies", "dependencies")) {
            Object deps = doc.get(field);
            if (deps instanceof List<?> list) {
                for (Object line : list) {
                    pipLine(String.valueOf(line), origin, packages, file, "field " + field, problems);
                }
            } else if (deps != null) {
                problems.add(new ImportProblem(file, "field " + field, "not a list"));
            }
        }
        return new Environment(packages, python == null ? null : python.toString().trim());
    }

    private static void pipLine(String raw, String origin, List<PackageRef> packages, String file, String where,
                                List<ImportProblem> problems) {
        String line = stripComment(raw).trim();
        if (line.isEmpty() || line.startsWith("-")) {
            return;
        }
        int marker = line.indexOf(';');
        String req = (marker >= 0 ? line.substring(0, marker) : line).trim();
        int n = nameLength(req);
        if (n == 0) {
            problems.add(new ImportProblem(file, where, "not a package requirement: '" + raw.trim() + "'"));
            return;
        }
        String name = req.substring(0, n);
        String rest = req.substring(n).trim();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            rest = close < 0 ? "" : rest.substring(close + 1).trim();
        }
        packages.add(pinned(name, rest, "==", "pip", origin));
    }

    /** A conda match spec: {@code [channel::]name[ op version[=build]]}, or {@code name version build}. */
    private static PackageRef condaSpec(String spec, String origin) {
        String s = spec;
        int channel = s.indexOf("::");
        if (channel >= 0) {
            s = s.substring(channel + 2);
        }
        int n = nameLength(s);
        if (n == 0) {
            return null;
        }
        String name = s.substring(0, n);
        String rest = s.substring(n).trim();
        if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            rest = "=" + rest.split("\\s+")[0];
        } else if (rest.startsWith("=") && !rest.startsWith("==")) {
            int build = rest.indexOf('=', 1);
            rest = build < 0 ? rest : rest.substring(0, build);
        }
        return pinned(name, rest, "=", "conda", origin);
    }

    /** An exact version when {@code specifier} is {@code pin} (or {@code ==}) and one plain version; else a constraint. */
    private static PackageRef pinned(String name, String specifier, String pin, String manager, String origin) {
        if (specifier.isEmpty()) {
            return new PackageRef(name, null, null, manager, origin);
        }
        for (String op : List.of("===", "==", pin)) {
            if (specifier.startsWith(op)) {
                String version = specifier.substring(op.length()).trim();
                if (!version.isEmpty() && !version.startsWith("=") && version.chars().noneMatch(
                        c -> c == ',' || c == '*' || c == '<' || c == '>' || c == '!' || c == '|' || c == ' ')) {
                    return new PackageRef(name, version, null, manager, origin);
                }
                break;
            }
        }
        return new PackageRef(name, null, specifier, manager, origin);
    }

    /** Length of the PEP 508 name at the start of {@code s}: letters, digits, {@code . _ -}, starting alphanumeric. */
    private static int nameLength(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** pip treats {@code #} as a comment at the start of a line or after whitespace (a URL fragment stays). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Map<?, ?> yamlMap(String text, String file, List<ImportProblem> problems) {
        Object doc;
        try {
            doc = SafeYaml.parse(text);
        } catch (RuntimeException e) {
            ImportProblem p = SafeYaml.problem(file, e);
            problems.add(p);
            return null;
        }
        if (doc == null) {
            problems.add(new ImportProblem(file, "", "empty file"));
            return null;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            problems.add(new ImportProblem(file, "", "not a YAML mapping"));
            return null;
        }
        return map;
    }
}
