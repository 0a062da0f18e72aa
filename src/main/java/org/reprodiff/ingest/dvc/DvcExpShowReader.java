package org.reprodiff.ingest.dvc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Reads a {@code dvc exp show --json} export (FORMATS.md 4.1) into one run per row: the workspace, each baseline
 * commit and each experiment. Both shapes, told apart by the top-level type:
 * <ul>
 *   <li>DVC 2.55 and later: a list of {@code ExpState} ({@code rev}, {@code name}, {@code data}, {@code error},
 *       {@code experiments}); each {@code ExpRange} of {@code experiments} is one experiment, read from its
 *       newest rev ({@code revs[0]}), its status from {@code executor.state};</li>
 *   <li>DVC 2.54 and earlier: an object {@code {<baseline rev>|workspace: {baseline: {data}, <exp sha>: {data}}}};
 *       the status from {@code status}, else {@code queued}/{@code running}; a checkpoint that is not its
 *       experiment's tip ({@code checkpoint_tip} names another rev) is a step of that experiment, not a run.</li>
 * </ul>
 * Each row's {@code data}: {@code params} and {@code metrics} are {@code {file: {data: …}}}, read by
 * {@link DvcValues} (a metrics file named {@code metrics.json} is taken for DVCLive's, whose {@code step} is
 * bookkeeping); {@code deps} ({@code {path: {hash, size, nfiles}}}) are data or code by {@link DvcPaths#isCode};
 * {@code outs} are artifacts; {@code timestamp} (the commit's time, written by DVC as a naive local time of
 * the machine that ran {@code exp show}, {@code datetime.fromtimestamp}, so read in a zone the caller chooses) is
 * the end time, since an experiment's commit is made when it has run. A commit rev
 * (40 hex digits) is the run's commit. Identity: source the export file, native id the rev, name the
 * experiment's or branch's name, else the short rev; experiment the baseline's name or short rev. Invariants: an
 * {@code error} of a row or of one of its files is a problem naming the row and the rest is read; a row of an
 * unexpected shape is a problem and is skipped.
 */
final class DvcExpShowReader {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private final String file;
    private final ZoneId zone;
    private final List<ImportProblem> problems;
    private final List<Run> runs = new ArrayList<>();

    private DvcExpShowReader(String file, ZoneId zone, List<ImportProblem> problems) {
        this.file = file;
        this.zone = zone;
        this.problems = problems;
    }

    /**
     * The runs of a parsed export; {@code file} is the export's canonical path, the runs' source; {@code zone} is
     * the zone its naive timestamps are read in.
     */
    static List<Run> read(Object document, String file, ZoneId zone, List<ImportProblem> problems) {
        DvcExpShowReader r = new DvcExpShowReader(file, zone, problems);
        if (document instanceof List<?> states) {
            r.readStates(states);
        } else if (document instanceof Map<?, ?> byBaseline) {
            r.readLegacy(byBaseline);
        } else {
            problems.add(new ImportProblem(file, "", "not a dvc exp show export: expected a list or an object"));
        }
        return r.runs;
    }

    private void readStates(List<?> states) {
        for (int i = 0; i < states.size(); i++) {
            String where = "[" + i + "]";
            if (!(states.get(i) instanceof Map<?, ?> state)) {
                problems.add(new ImportProblem(file, where, "not an experiment state"));
                continue;
            }
            String baselineRev = text(state.get("rev"));
            String baselineName = text(state.get("name"));
            String group = baselineName != null ? baselineName : shortRev(baselineRev);
            add(state, baselineName, group, null, where);
            if (!(state.get("experiments") instanceof List<?> ranges)) {
                continue;
            }
            for (int j = 0; j < ranges.size(); j++) {
                String at = where + ".experiments[" + j + "]";
                if (ranges.get(j) instanceof Map<?, ?> range && range.get("revs") instanceof List<?> revs
                        && !revs.isEmpty() && revs.get(0) instanceof Map<?, ?> tip) {
                    String name = text(range.get("name")) != null ? text(range.get("name")) : text(tip.get("name"));
                    String state2 = range.get("executor") instanceof Map<?, ?> ex ? text(ex.get("state")) : null;
                    add(tip, name, group, status(state2), at + ".revs[0]");
                } else {
                    problems.add(new ImportProblem(file, at, "experiment without revs"));
                }
            }
        }
    }

    private void readLegacy(Map<?, ?> byBaseline) {
        byBaseline.forEach((baseline, rows) -> {
            String baselineRev = String.valueOf(baseline);
            if (!(rows instanceof Map<?, ?> byRev)) {
                problems.add(new ImportProblem(file, baselineRev, "not a mapping of revisions"));
                return;
            }
            String group = null;
            if (byRev.get("baseline") instanceof Map<?, ?> b && b.get("data") instanceof Map<?, ?> d) {
                group = text(d.get("name"));
            }
            group = group != null ? group : shortRev(baselineRev);
            for (Map.Entry<?, ?> e : byRev.entrySet()) {
                String rev = String.valueOf(e.getKey());
                String where = baselineRev + "." + rev;
                if (!(e.getValue() instanceof Map<?, ?> row)) {
                    problems.add(new ImportProblem(file, where, "not a revision entry"));
                    continue;
                }
                boolean isBaseline = rev.equals("baseline");
                Map<?, ?> data = row.get("data") instanceof Map<?, ?> d ? d : Map.of();
                String tip = text(data.get("checkpoint_tip"));
                if (!isBaseline && tip != null && !tip.equals(rev)) {
                    continue;
                }
                Map<String, Object> state = new TreeMap<>();
                state.put("rev", isBaseline ? baselineRev : rev);
                state.put("data", row.get("data"));
                state.put("error", row.get("error"));
                add(state, text(data.get("name")), group, legacyStatus(data), where);
            }
        });
    }

    /** One row as a run; {@code status} null means "read it from the row". */
    private void add(Map<?, ?> state, String name, String group, RunStatus status, String where) {
        String rev = text(state.get("rev"));
        if (rev == null) {
            problems.add(new ImportProblem(file, where, "row without a rev"));
            return;
        }
        List<ImportProblem> own = new ArrayList<>();
        error(state.get("error"), where, own);
        Map<?, ?> data = state.get("data") instanceof Map<?, ?> d ? d : Map.of();
        error(data.get("error"), where, own);
        Run.Builder run = Run.builder(DvcImporter.FORMAT, file, rev);
        run.name(name != null ? name : rev.equals("workspace") ? rev : shortRev(rev));
        run.experiment(group);
        run.status(status != null ? status : RunStatus.UNKNOWN);
        run.endTime(timestamp(data.get("timestamp"), zone));
        eachFile(data.get("params"), where + ".params", own, (f, doc) -> {
            DvcValues.params(f, doc).forEach(run::param);
            run.captured(Facet.PARAMS);
        });
        eachFile(data.get("metrics"), where + ".metrics", own, (f, doc) -> DvcValues.metrics(doc,
                f.equals(DvcLiveFolder.SUMMARY) || f.endsWith("/" + DvcLiveFolder.SUMMARY)).forEach(run::summary));
        Map<String, String> sources = new TreeMap<>();
        if (data.get("deps") instanceof Map<?, ?> deps) {
            deps.forEach((p, info) -> {
                String path = DvcPaths.join("", String.valueOf(p));
                String digest = info instanceof Map<?, ?> m && text(m.get("hash")) != null ? "md5:" + text(m.get("hash")) : null;
                if (DvcPaths.isCode(path, List.of())) {
                    if (digest != null) {
                        sources.put(path, digest);
                    }
                } else {
                    run.data(new DataRef(path, digest, "dvc exp show deps"));
                }
            });
            run.captured(Facet.DATA);
        }
        if (data.get("outs") instanceof Map<?, ?> outs) {
            outs.keySet().forEach(p -> run.artifact(DvcPaths.join("", String.valueOf(p))));
        }
        run.code(new CodeState(null, SHA.matcher(rev).matches() ? rev : null, null, null, null, null, List.of(), sources));
        own.forEach(run::problem);
        problems.addAll(own);
        runs.add(run.build());
    }

    private interface FileConsumer {
        void accept(String file, Map<?, ?> document);
    }

    /** Calls {@code consumer} for each {@code {file: {data: {…}}}} entry; an {@code error} entry is a problem. */
    private void eachFile(Object v, String where, List<ImportProblem> own, FileConsumer consumer) {
        if (!(v instanceof Map<?, ?> byFile)) {
            return;
        }
        byFile.forEach((f, result) -> {
            String name = DvcPaths.join("", String.valueOf(f));
            if (result instanceof Map<?, ?> r) {
                error(r.get("error"), where + "." + name, own);
                if (r.get("data") instanceof Map<?, ?> doc) {
                    consumer.accept(name, doc);
                }
            }
        });
    }

    private void error(Object error, String where, List<ImportProblem> own) {
        if (error instanceof Map<?, ?> e) {
            String msg = text(e.get("msg"));
            String type = text(e.get("type"));
            own.add(new ImportProblem(file, where, "DVC recorded an error: "
                    + (type == null || type.isEmpty() ? "" : type + ": ") + (msg == null ? e.toString() : msg)));
        } else if (error != null) {
            own.add(new ImportProblem(file, where, "DVC recorded an error: " + error));
        }
    }

    private static RunStatus legacyStatus(Map<?, ?> data) {
        RunStatus s = status(text(data.get("status")));
        if (s != null) {
            return s;
        }
        if (Boolean.TRUE.equals(data.get("running"))) {
            return RunStatus.RUNNING;
        }
        return Boolean.TRUE.equals(data.get("queued")) ? RunStatus.SCHEDULED : null;
    }

    private static RunStatus status(String state) {
        if (state == null) {
            return null;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "success" -> RunStatus.FINISHED;
            case "queued" -> RunStatus.SCHEDULED;
            case "running" -> RunStatus.RUNNING;
            case "failed" -> RunStatus.FAILED;
            default -> RunStatus.UNKNOWN;
        };
    }

    private static Instant timestamp(Object v, ZoneId zone) {
        String t = text(v);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    private static String shortRev(String rev) {
        return rev == null ? null : SHA.matcher(rev).matches() ? rev.substring(0, 7) : rev;
    }

    private static String text(Object v) {
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? null : v.toString();
    }
}
