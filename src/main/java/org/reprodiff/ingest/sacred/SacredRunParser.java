package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reprodiff.ingest.PackageListParser;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PythonFloatFormat;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.Run;

/**
 * Maps the run entry of {@code run.json} (FORMATS.md 5) onto a run:
 * <ul>
 *   <li>status: {@code COMPLETED} → FINISHED, {@code FAILED} → FAILED, {@code INTERRUPTED} and
 *       {@code TIMEOUT} → KILLED, {@code RUNNING} → RUNNING, {@code QUEUED} → SCHEDULED, else UNKNOWN; Sacred's
 *       own word is kept as the tag {@code sacred.status}. A RUNNING run is not judged dead here: that needs a
 *       clock, and the last {@code heartbeat} is kept as the tag {@code sacred.heartbeat} instead;</li>
 *   <li>times: {@code start_time}, {@code stop_time} (naive UTC);</li>
 *   <li>code: the first distinct entry of {@code experiment.repositories} gives remote, commit and dirty flag (Sacred
 *       lists the repository once per source file; several distinct ones are all kept in the tag
 *       {@code sacred.repositories}); {@code experiment.mainfile} is the program; the command
 *       ({@code meta.command}) is the one argument; each {@code experiment.sources} entry gives a source digest,
 *       its file → the MD5 from the stored copy's name ({@code _sources/train_<md5>.py}). Config updates given on
 *       the command line are not repeated as arguments: they already show as parameter differences;</li>
 *   <li>packages: {@code experiment.dependencies} ({@code name==version}, {@code name==<unknown>} as no version);</li>
 *   <li>data: each {@code resources} entry {@code [file, stored copy]}, named by the file as recorded, digest the
 *       stored copy's MD5. Sacred records only resources opened through it, so an empty list says nothing of the
 *       data a run used and leaves the data facet not captured;</li>
 *   <li>environment: {@code host} ({@link SacredHostParser});</li>
 *   <li>tags: {@code sacred.command}, {@code sacred.options} (the command-line options that were set),
 *       {@code sacred.config_updates} ({@code NAME=VALUE} after {@code with}, else {@code meta.config_updates}),
 *       {@code sacred.named_configs} (the bare names after {@code with}, and {@code meta.named_configs}), {@code sacred.comment},
 *       {@code sacred.base_dir}, and {@code sacred.fail_trace}: a failed run's traceback, its lines joined;</li>
 *   <li>artifacts: {@code artifacts}; a numeric {@code result} is the one-point series {@code result}, a short
 *       text or boolean result the tag {@code sacred.result}.</li>
 * </ul>
 * Bad fields are problems naming the field; the rest of the entry still maps.
 */
final class SacredRunParser {
    static final String PACKAGES_ORIGIN = "run.json experiment.dependencies";
    static final String DATA_ORIGIN = "run.json resources";
    private static final int MAX_RESULT_TEXT = 200;

    private SacredRunParser() {
    }

    static void apply(SacredRunFile.Content entry, String file, Run.Builder run, List<ImportProblem> problems) {
        JsonNode experiment = entry.get("experiment");
        String experimentName = SacredJson.text(experiment, "name");
        run.experiment(experimentName);
        run.name(experimentName == null ? run.nativeId() : experimentName + "/" + run.nativeId());
        status(entry.text("status"), run);
        run.startTime(time(entry, "start_time", file, problems));
        run.endTime(time(entry, "stop_time", file, problems));
        JsonNode meta = entry.get("meta");
        String command = SacredJson.text(meta, "command");
        command = command != null ? command : entry.text("command");
        run.code(code(experiment, command, run));
        packages(experiment, file, run, problems);
        resources(entry.get("resources"), run);
        SacredHostParser.read(entry.get("host"), run);
        meta(meta, command, run);
        tag(run, "sacred.heartbeat", entry.text("heartbeat"));
        tag(run, "sacred.base_dir", SacredJson.text(experiment, "base_dir"));
        failTrace(entry.get("fail_trace"), run);
        JsonNode artifacts = entry.get("artifacts");
        if (artifacts != null && artifacts.isArray()) {
            artifacts.forEach(a -> run.artifact(a.asText()));
        }
        result(entry.result(), entry.get("stop_time"), run);
    }

    private static void status(String status, Run.Builder run) {
        if (status == null) {
            return;
        }
        run.tag("sacred.status", status);
        run.status(switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "COMPLETED" -> RunStatus.FINISHED;
            case "FAILED" -> RunStatus.FAILED;
            case "INTERRUPTED", "TIMEOUT" -> RunStatus.KILLED;
            case "RUNNING" -> RunStatus.RUNNING;
            case "QUEUED" -> RunStatus.SCHEDULED;
            default -> RunStatus.UNKNOWN;
        });
    }

    private static Instant time(SacredRunFile.Content entry, String field, String file, List<ImportProblem> problems) {
        JsonNode v = entry.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Instant t = v.isTextual() ? SacredLayout.time(v.asText()) : null;
        if (t == null) {
            problems.add(new ImportProblem(file, "field " + field, "not an ISO-8601 time: " + v));
        }
        return t;
    }

    private static CodeState code(JsonNode experiment, String command, Run.Builder run) {
        String remote = null;
        String commit = null;
        Boolean dirty = null;
        JsonNode repos = experiment == null ? null : experiment.get("repositories");
        if (repos != null && repos.isArray()) {
            Set<String> distinct = new LinkedHashSet<>();
            for (JsonNode r : repos) {
                String url = SacredJson.text(r, "url");
                String c = SacredJson.text(r, "commit");
                JsonNode d = r.get("dirty");
                Boolean isDirty = d != null && d.isBoolean() ? d.asBoolean() : null;
                if (distinct.isEmpty()) {
                    remote = url;
                    commit = c;
                    dirty = isDirty;
                }
                distinct.add(url + "@" + c + (Boolean.TRUE.equals(isDirty) ? " (dirty)" : ""));
            }
            if (distinct.size() > 1) {
                run.tag("sacred.repositories", String.join(", ", distinct));
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        JsonNode sources = experiment == null ? null : experiment.get("sources");
        if (sources != null && sources.isArray()) {
            for (JsonNode s : sources) {
                if (s.isArray() && s.size() >= 2 && s.get(0).isTextual()) {
                    String digest = SacredLayout.digest(s.get(1).asText());
                    digests.put(s.get(0).asText(), digest != null ? digest : s.get(1).asText());
                }
            }
        }
        String program = SacredJson.text(experiment, "mainfile");
        return new CodeState(remote, commit, null, dirty, null, program, command == null ? List.of() : List.of(command), digests);
    }

    private static void packages(JsonNode experiment, String file, Run.Builder run, List<ImportProblem> problems) {
        JsonNode deps = experiment == null ? null : experiment.get("dependencies");
        if (deps == null || !deps.isArray()) {
            return;
        }
        for (int i = 0; i < deps.size(); i++) {
            String spec = deps.get(i).asText().replace("==<unknown>", "");
            List<ImportProblem> found = new ArrayList<>();
            PackageListParser.requirements(spec, PACKAGES_ORIGIN, file, found).packages().forEach(run::packageRef);
            String where = "field experiment.dependencies[" + i + "]";
            found.forEach(p -> problems.add(new ImportProblem(p.file(), where, p.message())));
        }
    }

    private static void resources(JsonNode resources, Run.Builder run) {
        if (resources == null || !resources.isArray()) {
            return;
        }
        for (JsonNode r : resources) {
            if (r.isArray() && r.size() >= 1 && r.get(0).isTextual()) {
                String stored = r.size() > 1 ? r.get(1).asText() : null;
                run.data(new DataRef(r.get(0).asText(), SacredLayout.digest(stored), DATA_ORIGIN));
            }
        }
    }

    private static void meta(JsonNode meta, String command, Run.Builder run) {
        tag(run, "sacred.command", command);
        if (meta == null || !meta.isObject()) {
            return;
        }
        tag(run, "sacred.comment", SacredJson.text(meta, "comment"));
        List<String> updates = new ArrayList<>();
        List<String> namedConfigs = new ArrayList<>();
        List<String> options = new ArrayList<>();
        JsonNode opts = meta.get("options");
        if (opts != null && opts.isObject()) {
            opts.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (e.getKey().equals("UPDATE")) {
                    // after "with", NAME=VALUE is a config update and a bare NAME a named config
                    v.forEach(u -> (u.asText().contains("=") ? updates : namedConfigs).add(u.asText()));
                } else if (!isUnset(v) && !List.of("COMMAND", "with", "help").contains(e.getKey())) {
                    options.add(v.isBoolean() ? e.getKey() : e.getKey() + "=" + literal(v));
                }
            });
        }
        JsonNode configUpdates = meta.get("config_updates");
        if (updates.isEmpty() && configUpdates != null && configUpdates.isObject()) {
            configUpdates.fields().forEachRemaining(e -> updates.add(e.getKey() + "=" + literal(e.getValue())));
        }
        JsonNode named = meta.get("named_configs");
        if (named != null && named.isArray()) {
            named.forEach(n -> {
                if (!namedConfigs.contains(n.asText())) {
                    namedConfigs.add(n.asText());
                }
            });
        }
        tag(run, "sacred.options", options.isEmpty() ? null : String.join(" ", options));
        tag(run, "sacred.config_updates", updates.isEmpty() ? null : String.join(" ", updates));
        tag(run, "sacred.named_configs", namedConfigs.isEmpty() ? null : String.join(" ", namedConfigs));
    }

    /** A value as the command line would give it: text as is, floats as Python prints them, the rest as JSON. */
    private static String literal(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isFloatingPointNumber()) {
            return PythonFloatFormat.repr(v.asDouble());
        }
        return v.toString();
    }

    private static boolean isUnset(JsonNode v) {
        return v == null || v.isNull() || v.isBoolean() && !v.asBoolean() || v.isContainerNode() && v.isEmpty();
    }

    private static void failTrace(JsonNode trace, Run.Builder run) {
        if (trace == null || trace.isNull()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        if (trace.isArray()) {
            trace.forEach(line -> text.append(line.asText()));
        } else {
            text.append(trace.asText());
        }
        tag(run, "sacred.fail_trace", text.toString().stripTrailing());
    }

    private static void result(JsonNode result, JsonNode stopTime, Run.Builder run) {
        if (result == null || result.isNull()) {
            return;
        }
        if (result.isNumber()) {
            Instant at = stopTime != null && stopTime.isTextual() ? SacredLayout.time(stopTime.asText()) : null;
            run.metric(new MetricSeries.Builder("result")
                    .add(0, result.asDouble(), at == null ? MetricSeries.NO_TIME : at.toEpochMilli()).build());
        } else if (result.asText().length() <= MAX_RESULT_TEXT) {
            run.tag("sacred.result", result.asText());
        }
    }

    private static void tag(Run.Builder run, String key, String value) {
        if (value != null && !value.isBlank()) {
            run.tag(key, value);
        }
    }
}
