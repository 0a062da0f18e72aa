package org.reprodiff.ingest.wandb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Makes one consistent run out of what the {@code .wandb} log and the {@code files/} folder say. Where both
 * hold a fact, this is who wins, and why:
 * <ul>
 *   <li>history and system metrics: the log; only a run without binary history (SDKs before 0.10) is read from
 *       {@code files/wandb-history.jsonl} and {@code wandb-events.jsonl};</li>
 *   <li>config: the log's fold, with each top-level key of {@code config.yaml} replacing it (the SDK rewrites
 *       the file after every config change, so it is the later state, and it carries the full {@code _wandb}
 *       block that the log leaves as {@code {}});</li>
 *   <li>summary: the log's fold, with each top-level key of {@code wandb-summary.json} replacing it (written at
 *       the end, it survives a log cut short);</li>
 *   <li>environment: the log's EnvironmentRecord, then {@code wandb-metadata.json}, then the run record and
 *       telemetry fill what is still missing;</li>
 *   <li>git remote and commit: the run record, then the environment;</li>
 *   <li>status: the exit record (0 finished, else failed); without one, a truncated log is a killed run,
 *       anything else unknown. End time: start plus the exit runtime, else plus the last {@code _runtime}.</li>
 * </ul>
 */
final class WandbRunAssembler {
    private WandbRunAssembler() {
    }

    /** Everything one unit gave; {@code log} and {@code outcome} are null without a log, {@code files} without files/. */
    record Parts(String source, String nativeId, String folderName, WandbLogState log,
                 WandbLogReader.Outcome outcome, WandbFiles.Content files, WandbLegacyHistory.Result legacy,
                 String filesDir) {
    }

    static Run assemble(Parts p, WandbProblems problems) {
        Run.Builder run = Run.builder(WandbImporter.FORMAT, p.source(), p.nativeId());
        WandbLogState log = p.log();
        WandbFiles.Content files = p.files();
        if (log != null) {
            run.name(log.displayName).experiment(log.project);
            tags(log, p.folderName(), run);
            log.history.series().forEach(run::metric);
            log.system.series().forEach(run::metric);
            log.usedArtifacts.forEach(run::data);
            log.loggedArtifacts.forEach(a -> run.artifact("artifact:" + a));
            log.savedFiles.forEach(run::artifact);
        }
        params(log, files, run);
        summary(log, files, p.source(), problems, run);
        WandbEnvironment env = environment(log, files);
        environmentFacts(env, log, files, p.filesDir(), problems, run);
        run.user(env.username);
        run.code(code(log, env, files));
        if (files != null) {
            files.packages().forEach(run::packageRef);
            if (files.hasOutputLog() && (log == null || !log.savedFiles.contains(WandbFiles.OUTPUT))) {
                run.artifact(WandbFiles.OUTPUT);
            }
            run.artifactUri(p.filesDir());
        }
        times(log, env, p.outcome(), run);
        boolean truncated = p.outcome() != null && p.outcome().truncated();
        if (p.legacy() != null) {
            p.legacy().series().forEach(run::metric);
            truncated |= p.legacy().truncated();
        }
        run.truncated(truncated);
        run.status(status(log, truncated));
        problems.all().forEach(run::problem);
        return run.build();
    }

    private static void tags(WandbLogState log, String folderName, Run.Builder run) {
        putTag(run, "wandb.entity", log.entity);
        putTag(run, "wandb.group", log.group);
        putTag(run, "wandb.job_type", log.jobType);
        putTag(run, "wandb.notes", log.notes);
        putTag(run, "wandb.sweep_id", log.sweepId);
        if (!log.tags.isEmpty()) {
            run.tag("wandb.tags", String.join(", ", log.tags));
        }
        if (log.resumed) {
            run.tag("wandb.resumed", "true");
        }
        if (folderName != null && folderName.startsWith("offline-run-")) {
            run.tag("wandb.mode", "offline");
        } else if (folderName != null && folderName.startsWith("run-")) {
            run.tag("wandb.mode", "online");
        }
    }

    private static void putTag(Run.Builder run, String key, String value) {
        if (value != null) {
            run.tag(key, value);
        }
    }

    private static void params(WandbLogState log, WandbFiles.Content files, Run.Builder run) {
        Map<String, ParamValue> fromLog = log == null ? Map.of() : WandbParams.flatten(log.config.root());
        Map<String, ParamValue> merged = WandbParams.merge(fromLog, files == null ? null : files.config());
        merged.forEach(run::param);
    }

    private static void summary(WandbLogState log, WandbFiles.Content files, String source,
                                WandbProblems problems, Run.Builder run) {
        WandbTree tree = log != null ? log.summary : new WandbTree();
        if (files != null && files.summary() != null) {
            files.summary().forEach(tree::set);
        }
        tree.flatten((key, leaf) -> {
            Double v = WandbValues.numeric(leaf);
            if (v != null) {
                run.summary(key, v);
            }
        }, (key, text) -> problems.add("bad summary value", source, "summary " + key, "value is not JSON: '"
                + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'"));
    }

    private static WandbEnvironment environment(WandbLogState log, WandbFiles.Content files) {
        WandbEnvironment env = new WandbEnvironment();
        if (log != null) {
            env.fillFrom(log.environment);
        }
        if (files != null && files.metadata() != null) {
            env.fillFrom(files.metadata());
        }
        if (log != null) {
            env.host = env.host != null ? env.host : log.host;
            env.python = env.python != null ? env.python : log.pythonVersion;
            env.os = env.os != null ? env.os : log.platform;
        }
        if (env.python == null && files != null) {
            env.python = files.condaPython();
        }
        return env;
    }

    private static void environmentFacts(WandbEnvironment env, WandbLogState log, WandbFiles.Content files,
                                         String filesDir, WandbProblems problems, Run.Builder run) {
        run.environment(EnvironmentKeys.PYTHON, pythonVersion(env.python));
        run.environment(EnvironmentKeys.OS, env.os);
        run.environment(EnvironmentKeys.HOST, env.host);
        run.environment(EnvironmentKeys.CPU, env.cpuModel);
        Integer cpus = env.cpuCountLogical != null ? env.cpuCountLogical : env.cpuCount;
        run.environment(EnvironmentKeys.CPU_COUNT, cpus == null ? null : cpus.toString());
        run.environment(EnvironmentKeys.MEMORY, env.memoryBytes == null ? null : env.memoryBytes.toString());
        run.environment(EnvironmentKeys.GPU, env.gpu);
        run.environment(EnvironmentKeys.GPU_COUNT, env.gpuCount == null ? null : env.gpuCount.toString());
        run.environment(EnvironmentKeys.CUDA, env.cuda);
        Map<String, Set<String>> versions = packageVersions(files, filesDir, problems);
        if (log != null) {
            String sdk = log.cliVersion != null ? log.cliVersion : log.sdkVersion;
            run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + "wandb", sdk);
            run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + "transformers", log.huggingfaceVersion);
            for (int field : log.imports) {
                String name = WandbTelemetry.framework(field);
                if (name != null && !(name.equals("transformers") && log.huggingfaceVersion != null)) {
                    Set<String> v = versions.get(name);
                    run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + name,
                            v == null ? "imported" : String.join(", ", v));
                }
            }
        }
    }

    /**
     * Versions per normalised package name. Packages listed with several versions (wandb-core lists every
     * site-packages folder it sees) are kept as listed and named in one problem.
     */
    private static Map<String, Set<String>> packageVersions(WandbFiles.Content files, String filesDir,
                                                            WandbProblems problems) {
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        if (files == null) {
            return versions;
        }
        for (PackageRef p : files.packages()) {
            if (p.version() != null) {
                versions.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(p.version());
            }
        }
        List<String> several = new ArrayList<>();
        versions.forEach((name, v) -> {
            if (v.size() > 1) {
                several.add(name + " (" + String.join(", ", v) + ")");
            }
        });
        if (!several.isEmpty()) {
            problems.add(filesDir + "/" + WandbFiles.REQUIREMENTS, "", several.size() + " packages are listed"
                    + " with several versions, all kept: " + String.join("; ", several));
        }
        return versions;
    }

    /** wandb-core writes {@code CPython 3.12.2}; the version alone compares with other tools. */
    static String pythonVersion(String python) {
        if (python == null) {
            return null;
        }
        int space = python.lastIndexOf(' ');
        return space >= 0 && space + 1 < python.length() && Character.isDigit(python.charAt(space + 1))
                ? python.substring(space + 1) : python;
    }

    private static CodeState code(WandbLogState log, WandbEnvironment env, WandbFiles.Content files) {
        String remote = log != null && log.gitRemote != null ? log.gitRemote : env.gitRemote;
        String commit = log != null && log.gitCommit != null ? log.gitCommit : env.gitCommit;
        String patch = files == null ? null : files.patch();
        String program = env.program != null ? env.program : env.codePath;
        List<String> args = env.args == null ? List.of() : new ArrayList<>(env.args);
        Map<String, String> digests = log == null ? Map.of() : log.codeDigests;
        return new CodeState(remote, commit, null, patch != null ? Boolean.TRUE : null, patch, program, args, digests);
    }

    private static void times(WandbLogState log, WandbEnvironment env, WandbLogReader.Outcome outcome,
                              Run.Builder run) {
        Instant start = log != null && log.startTime != null ? log.startTime : env.startedAt;
        run.startTime(start);
        if (start == null || log == null) {
            return;
        }
        if (log.exitCode != null && log.exitRuntime != null) {
            run.endTime(start.plusSeconds(log.exitRuntime));
        } else if (!Double.isNaN(log.history.lastRuntime())) {
            run.endTime(start.plusMillis(Math.round(log.history.lastRuntime() * 1000)));
        }
    }

    private static RunStatus status(WandbLogState log, boolean truncated) {
        if (log != null && log.exitCode != null) {
            return log.exitCode == 0 ? RunStatus.FINISHED : RunStatus.FAILED;
        }
        return truncated ? RunStatus.KILLED : RunStatus.UNKNOWN;
    }
}
