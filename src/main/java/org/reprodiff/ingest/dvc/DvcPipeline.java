package org.reprodiff.ingest.dvc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Reprodiff reads from a {@code dvc.yaml} (FORMATS.md 4.1, {@code MULTI_STAGE_SCHEMA}): the params files and
 * keys the pipeline names, its metrics files, and every path it names (for finding DVCLive folders), each made
 * relative to the project folder (a stage's {@code wdir} applied).
 *
 * <p>Params: a bare key in a stage's {@code params:} is a key of the stage's default {@code params.yaml}; a
 * {@code {file: [keys]}} entry names keys of {@code file}; {@code {file: }} with no keys, and every file of the
 * top-level {@code params:} list, name the whole file. Invariants: paths holding unresolved templating
 * ({@code ${item}}) are passed over, since only {@code dvc.lock} has their resolved values; a
 * {@code foreach}/{@code matrix} stage is read through its {@code do:} body or its own keys; unexpected shapes
 * read as absent, never as an error.
 */
final class DvcPipeline {
    /** Keys of one params file: {@code whole} when the pipeline tracks the whole file. */
    static final class ParamsFile {
        boolean whole;
        final Set<String> keys = new LinkedHashSet<>();
    }

    static final DvcPipeline EMPTY = new DvcPipeline();

    private final Map<String, ParamsFile> params = new LinkedHashMap<>();
    private final Set<String> metrics = new LinkedHashSet<>();
    private final Set<String> paths = new LinkedHashSet<>();
    private final Map<String, String> commands = new LinkedHashMap<>();

    private DvcPipeline() {
    }

    /** The params files (project-relative) and the keys named of each, in the order first named. */
    Map<String, ParamsFile> params() {
        return params;
    }

    /** The metrics files (project-relative), top-level and stage metrics, in the order named. */
    Set<String> metrics() {
        return metrics;
    }

    /** Every path the pipeline names: deps, outs, metrics, plots, params files. */
    Set<String> paths() {
        return paths;
    }

    /** Each stage's command as written (templating unresolved), by stage name. */
    Map<String, String> commands() {
        return commands;
    }

    static DvcPipeline parse(Object document) {
        DvcPipeline p = new DvcPipeline();
        if (!(document instanceof Map<?, ?> top)) {
            return p;
        }
        for (Object file : list(top.get("params"))) {
            if (file instanceof String s) {
                p.paramsFile(DvcPaths.join("", s)).whole = true;
            } else if (file instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> p.paramsFile(DvcPaths.join("", String.valueOf(k))).whole = true);
            }
        }
        for (String path : pathEntries(top.get("metrics"))) {
            p.addPath(p.metrics, DvcPaths.join("", path));
        }
        pathEntries(top.get("plots")).forEach(path -> p.addPath(p.paths, DvcPaths.join("", path)));
        if (top.get("stages") instanceof Map<?, ?> stages) {
            stages.forEach((name, body) -> p.stage(String.valueOf(name), body));
        }
        return p;
    }

    private void stage(String name, Object body) {
        if (!(body instanceof Map<?, ?> stage)) {
            return;
        }
        Map<?, ?> def = stage.get("do") instanceof Map<?, ?> d ? d : stage;
        String wdir = def.get("wdir") instanceof String w && !DvcPaths.templated(w) ? w : "";
        Object cmd = def.get("cmd");
        if (cmd instanceof String || cmd instanceof List<?>) {
            commands.put(name, DvcPaths.command(cmd));
        }
        for (Object entry : list(def.get("params"))) {
            if (entry instanceof String key) {
                paramsFile(DvcPaths.join(wdir, DvcValues.DEFAULT_PARAMS)).keys.add(key);
            } else if (entry instanceof Map<?, ?> m) {
                m.forEach((file, keys) -> {
                    if (DvcPaths.templated(String.valueOf(file))) {
                        return;
                    }
                    ParamsFile pf = paramsFile(DvcPaths.join(wdir, String.valueOf(file)));
                    if (keys instanceof List<?> l && !l.isEmpty()) {
                        l.forEach(k -> pf.keys.add(String.valueOf(k)));
                    } else {
                        pf.whole = true;
                    }
                });
            }
        }
        for (String path : pathEntries(def.get("metrics"))) {
            addPath(metrics, DvcPaths.join(wdir, path));
        }
        for (String key : List.of("deps", "outs", "plots")) {
            pathEntries(def.get(key)).forEach(path -> addPath(paths, DvcPaths.join(wdir, path)));
        }
    }

    private ParamsFile paramsFile(String file) {
        paths.add(file);
        return params.computeIfAbsent(file, f -> new ParamsFile());
    }

    private void addPath(Set<String> into, String path) {
        if (path != null) {
            into.add(path);
            paths.add(path);
        }
    }

    /** The paths of a list whose items are paths or one-key maps {@code {path: {options}}}. */
    private static List<String> pathEntries(Object v) {
        List<String> out = new ArrayList<>();
        for (Object item : list(v)) {
            if (item instanceof String s) {
                out.add(s);
            } else if (item instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> out.add(String.valueOf(k)));
            }
        }
        out.removeIf(DvcPaths::templated);
        return out;
    }

    private static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }
}
