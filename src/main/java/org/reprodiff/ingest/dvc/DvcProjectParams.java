package org.reprodiff.ingest.dvc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;

/**
 * Reads a DVC project's parameters: the whole default {@code params.yaml}, then every other params file
 * {@code dvc.yaml} names (the whole file, or only the keys named of it, a key standing for its subtree), typed and
 * keyed by {@link DvcValues}. A params file that is absent, unreadable or of a kind not read here (TOML, Python)
 * falls back on the values {@code dvc.lock} recorded for it.
 *
 * <p>Workspace against lock: the files are the workspace; {@code dvc.lock} holds the values the pipeline last ran
 * with. Keys whose values differ (edited since the last {@code dvc repro}, so the outputs do not come from the
 * parameters shown) are listed, comma-separated, in the tag {@value #CHANGED_TAG}.
 */
final class DvcProjectParams {
    static final String CHANGED_TAG = "dvc.params.changedSinceLock";

    private DvcProjectParams() {
    }

    /** Reads the parameters into {@code run}; {@code read} collects the files read. Returns whether any file was read. */
    static boolean read(Path dir, DvcPipeline pipeline, DvcLockFile lock, Run.Builder run, Set<Path> read,
                        List<ImportProblem> problems) {
        Map<String, DvcPipeline.ParamsFile> files = new LinkedHashMap<>();
        DvcPipeline.ParamsFile defaults = new DvcPipeline.ParamsFile();
        defaults.whole = true;
        files.put(DvcValues.DEFAULT_PARAMS, defaults);
        pipeline.params().forEach((file, spec) -> {
            if (!file.equals(DvcValues.DEFAULT_PARAMS)) {
                files.put(file, spec);
            }
        });
        Map<String, ParamValue> locked = new LinkedHashMap<>();
        Map<String, Map<String, ParamValue>> lockedByFile = new LinkedHashMap<>();
        for (DvcLockFile.Stage stage : lock.stages()) {
            stage.params().forEach((file, values) -> {
                Map<String, ParamValue> flat = DvcValues.params(file, values);
                lockedByFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).putAll(flat);
                locked.putAll(flat);
            });
        }
        boolean any = false;
        Map<String, ParamValue> workspace = new LinkedHashMap<>();
        for (Map.Entry<String, DvcPipeline.ParamsFile> e : files.entrySet()) {
            String file = e.getKey();
            Path path = dir.resolve(file);
            Map<String, ParamValue> values = null;
            if (!DvcDocuments.supported(file)) {
                problems.add(new ImportProblem(path.toString(), "", "params files of this kind are not read; "
                        + "the values dvc.lock recorded are used"));
            } else {
                DvcDocuments.Loaded loaded = DvcDocuments.load(path, problems);
                read.add(path.toAbsolutePath().normalize());
                if (loaded.document() instanceof Map<?, ?> m) {
                    values = DvcValues.params(file, m);
                    any = true;
                } else if (loaded.readable() && loaded.document() != null) {
                    problems.add(new ImportProblem(path.toString(), "", "not a mapping of parameters"));
                } else if (loaded.readable()) {
                    any = true;
                }
            }
            if (values == null) {
                values = lockedByFile.getOrDefault(file, Map.of());
            }
            values = selected(file, e.getValue(), values);
            workspace.putAll(values);
        }
        workspace.forEach(run::param);
        List<String> changed = new ArrayList<>();
        locked.forEach((key, value) -> {
            ParamValue now = workspace.get(key);
            if (now != null && !same(now, value)) {
                changed.add(key);
            }
        });
        if (!changed.isEmpty()) {
            run.tag(CHANGED_TAG, String.join(",", new TreeSet<>(changed)));
        }
        return any;
    }

    /** The values of a file the pipeline names only some keys of: those keys and their subtrees. */
    private static Map<String, ParamValue> selected(String file, DvcPipeline.ParamsFile spec, Map<String, ParamValue> values) {
        if (spec.whole || spec.keys.isEmpty()) {
            return values;
        }
        Map<String, ParamValue> out = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            for (String named : spec.keys) {
                String k = DvcValues.paramKey(file, named);
                if (key.equals(k) || key.startsWith(k + ".")) {
                    out.put(key, value);
                    break;
                }
            }
        });
        return out;
    }

    private static boolean same(ParamValue a, ParamValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case NUMBER -> Objects.equals(a.number(), b.number());
            case BOOL -> Objects.equals(a.bool(), b.bool());
            default -> a.raw().equals(b.raw());
        };
    }
}
