package org.reprodiff.ingest.wandb;

import java.time.Instant;
import java.util.List;

/**
 * What W&B recorded about the machine and the program, whichever place it came from: the log's
 * {@code EnvironmentRecord} (newer SDKs), {@code files/wandb-metadata.json} (both generations) or the run
 * record. Every field is null when not recorded. {@link #fillFrom} fills only what is still missing, so the
 * first source given wins; callers give the sources in their order of precedence.
 */
final class WandbEnvironment {
    String os;
    String python;
    String host;
    String username;
    String email;
    String program;
    String codePath;
    String executable;
    String root;
    String docker;
    String cpuModel;
    String gpu;
    String cuda;
    Integer cpuCount;
    Integer cpuCountLogical;
    Integer gpuCount;
    Long memoryBytes;
    Instant startedAt;
    List<String> args;
    String gitRemote;
    String gitCommit;

    void fillFrom(WandbEnvironment o) {
        os = os != null ? os : o.os;
        python = python != null ? python : o.python;
        host = host != null ? host : o.host;
        username = username != null ? username : o.username;
        email = email != null ? email : o.email;
        program = program != null ? program : o.program;
        codePath = codePath != null ? codePath : o.codePath;
        executable = executable != null ? executable : o.executable;
        root = root != null ? root : o.root;
        docker = docker != null ? docker : o.docker;
        cpuModel = cpuModel != null ? cpuModel : o.cpuModel;
        gpu = gpu != null ? gpu : o.gpu;
        cuda = cuda != null ? cuda : o.cuda;
        cpuCount = cpuCount != null ? cpuCount : o.cpuCount;
        cpuCountLogical = cpuCountLogical != null ? cpuCountLogical : o.cpuCountLogical;
        gpuCount = gpuCount != null ? gpuCount : o.gpuCount;
        memoryBytes = memoryBytes != null ? memoryBytes : o.memoryBytes;
        startedAt = startedAt != null ? startedAt : o.startedAt;
        args = args != null ? args : o.args;
        gitRemote = gitRemote != null ? gitRemote : o.gitRemote;
        gitCommit = gitCommit != null ? gitCommit : o.gitCommit;
    }

    /** A blank text is not recorded. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
