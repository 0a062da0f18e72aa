package org.reprodiff.ingest.dvc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ImportProblem;

/**
 * What Reprodiff reads from a {@code dvc.lock} (FORMATS.md 4.1, {@code LOCKFILE_SCHEMA} 2.0): per stage its
 * resolved command, its dependencies and outputs with their recorded digests, and the params values it ran with.
 * The DVC 1.x layout (no {@code schema} key, stages at the top level) is read the same way.
 *
 * <p>Digests: an entry's checksum is its {@code md5} (also the {@code etag} of S3 and the {@code checksum} of HDFS
 * entries); an entry with {@code hash: md5} was hashed by DVC 3, one without by DVC 2's {@code md5-dos2unix}
 * (equal for every file without CRLF line ends). Invariants: a stage or entry of an unexpected shape is a problem
 * naming its place ({@code stages.train.deps[1]}) and is skipped; the rest is read.
 */
final class DvcLockFile {
    /** One dependency or output: a path (project-relative), its checksum kind and value, size and file count. */
    record Entry(String path, String algorithm, String value, Long size, Long nfiles, boolean dvc3) {
        /** {@code md5:3f1c…} (a directory's value ends in {@code .dir}); null when no checksum was recorded. */
        String digest() {
            return value == null ? null : algorithm + ":" + value;
        }
    }

    /** One locked stage. */
    record Stage(String name, String cmd, List<Entry> deps, List<Entry> outs, Map<String, Map<?, ?>> params) {
    }

    private static final List<String> CHECKSUMS = List.of("md5", "etag", "checksum");

    private final List<Stage> stages;

    private DvcLockFile(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    List<Stage> stages() {
        return stages;
    }

    static DvcLockFile parse(Object document, String file, List<ImportProblem> problems) {
        List<Stage> stages = new ArrayList<>();
        if (document == null) {
            return new DvcLockFile(stages);
        }
        if (!(document instanceof Map<?, ?> top)) {
            problems.add(new ImportProblem(file, "", "not a mapping: expected schema and stages"));
            return new DvcLockFile(stages);
        }
        Object body = top.containsKey("schema") || top.containsKey("stages") ? top.get("stages") : top;
        if (!(body instanceof Map<?, ?> byName)) {
            problems.add(new ImportProblem(file, "stages", "not a mapping of stage names"));
            return new DvcLockFile(stages);
        }
        byName.forEach((name, stage) -> {
            String where = "stages." + name;
            if (stage instanceof Map<?, ?> m) {
                stages.add(stage(String.valueOf(name), m, file, where, problems));
            } else {
                problems.add(new ImportProblem(file, where, "not a stage mapping"));
            }
        });
        return new DvcLockFile(stages);
    }

    private static Stage stage(String name, Map<?, ?> m, String file, String where, List<ImportProblem> problems) {
        Object cmd = m.get("cmd");
        Map<String, Map<?, ?>> params = new LinkedHashMap<>();
        if (m.get("params") instanceof Map<?, ?> byFile) {
            byFile.forEach((f, values) -> {
                if (values instanceof Map<?, ?> v) {
                    params.put(DvcPaths.join("", String.valueOf(f)), v);
                }
            });
        }
        return new Stage(name, cmd == null ? null : DvcPaths.command(cmd),
                entries(m.get("deps"), file, where + ".deps", problems),
                entries(m.get("outs"), file, where + ".outs", problems), params);
    }

    private static List<Entry> entries(Object v, String file, String where, List<ImportProblem> problems) {
        List<Entry> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problems.add(new ImportProblem(file, where, "not a list of entries"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> e && e.get("path") instanceof String path) {
                out.add(entry(path, e));
            } else {
                problems.add(new ImportProblem(file, where + "[" + i + "]", "entry without a path"));
            }
        }
        return out;
    }

    private static Entry entry(String path, Map<?, ?> e) {
        String algorithm = "md5";
        String value = null;
        for (String key : CHECKSUMS) {
            if (e.get(key) != null) {
                algorithm = key;
                value = String.valueOf(e.get(key));
                break;
            }
        }
        return new Entry(DvcPaths.join("", path), algorithm, value, number(e.get("size")), number(e.get("nfiles")),
                e.get("hash") != null);
    }

    private static Long number(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }
}
