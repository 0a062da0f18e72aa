package org.reprodiff.ingest.wandb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.reprodiff.model.DataRef;

/**
 * Everything the decoders learned from one {@code .wandb} log, before it is merged with {@code files/} into a
 * run. Plain mutable fields, filled in record order: a later run record overrides the earlier non-empty
 * values (W&B re-sends the run record when the name or tags change); the config and summary are folds.
 */
final class WandbLogState {
    final WandbHistory history;
    final WandbSystemMetrics system = new WandbSystemMetrics();
    final WandbTree config = new WandbTree();
    final WandbTree summary = new WandbTree();
    final WandbEnvironment environment = new WandbEnvironment();

    String runId;
    String entity;
    String project;
    String displayName;
    String group;
    String jobType;
    String notes;
    String sweepId;
    String host;
    List<String> tags = List.of();
    Instant startTime;
    boolean resumed;
    boolean sharedMode;
    String gitRemote;
    String gitCommit;
    boolean sawRunRecord;
    boolean sawConfig;

    Integer exitCode;
    Integer exitRuntime;

    String sdkVersion;
    String pythonVersion;
    String cliVersion;
    String huggingfaceVersion;
    String platform;
    final Set<Integer> imports = new TreeSet<>();

    final Set<String> savedFiles = new LinkedHashSet<>();
    final List<String> loggedArtifacts = new ArrayList<>();
    final Map<String, String> codeDigests = new LinkedHashMap<>();
    final List<DataRef> usedArtifacts = new ArrayList<>();

    WandbLogState(WandbHistory history) {
        this.history = history;
    }
}
