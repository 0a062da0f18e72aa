package org.reprodiff.ingest.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code files/wandb-metadata.json} in both generations (FORMATS.md 2.7) into a {@link WandbEnvironment}.
 * wandb-core writes the EnvironmentRecord as protojson (camelCase keys, {@code uint64} values as strings such
 * as {@code "total": "33266331648"}, {@code cudaVersion}, {@code gpu_nvidia}); the legacy service wrote
 * {@code cuda}, {@code gpu_devices}, {@code startedAt} without a zone (UTC) and {@code memory.total} in GiB as a
 * float for a while. Every number may be a JSON number or a numeric string; a memory total below 10,000 is
 * taken as GiB.
 */
final class WandbMetadata {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private WandbMetadata() {
    }

    static WandbEnvironment read(JsonNode m, String file, WandbProblems problems) {
        WandbEnvironment e = new WandbEnvironment();
        e.os = text(m, "os");
        e.python = text(m, "python");
        e.host = text(m, "host");
        e.username = text(m, "username");
        e.email = text(m, "email");
        e.program = text(m, "program");
        e.codePath = text(m, "codePath");
        e.executable = text(m, "executable");
        e.root = text(m, "root");
        e.docker = text(m, "docker");
        e.gpu = text(m, "gpu");
        e.cuda = text(m, "cudaVersion") != null ? text(m, "cudaVersion") : text(m, "cuda");
        e.cpuCount = integer(m.path("cpu_count"));
        e.cpuCountLogical = integer(m.path("cpu_count_logical"));
        if (e.cpuCount == null) {
            e.cpuCount = integer(m.path("cpu").path("count"));
        }
        if (e.cpuCountLogical == null) {
            e.cpuCountLogical = integer(m.path("cpu").path("countLogical"));
        }
        e.gpuCount = integer(m.path("gpu_count"));
        e.cpuModel = text(m.path("apple"), "name");
        if (e.gpu == null) {
            e.gpu = firstName(m.path("gpu_nvidia"));
        }
        if (e.gpu == null) {
            e.gpu = firstName(m.path("gpu_devices"));
        }
        e.memoryBytes = memory(m.path("memory").path("total"));
        e.startedAt = time(text(m, "startedAt"), file, problems);
        JsonNode args = m.path("args");
        if (args.isArray()) {
            List<String> list = new ArrayList<>();
            args.forEach(a -> list.add(a.asText()));
            e.args = List.copyOf(list);
        }
        e.gitRemote = text(m.path("git"), "remote");
        e.gitCommit = text(m.path("git"), "commit");
        return e;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? WandbEnvironment.text(v.asText()) : null;
    }

    private static Integer integer(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asInt() > 0 ? v.asInt() : null;
        }
        if (v.isTextual()) {
            try {
                int n = Integer.parseInt(v.asText().trim());
                return n > 0 ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String firstName(JsonNode list) {
        return list.isArray() && list.size() > 0 ? text(list.get(0), "name") : null;
    }

    /** Bytes; a value below 10,000 is GiB (the Oct 2022 – Mar 2023 legacy writer). */
    static Long memory(JsonNode v) {
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (!(d > 0)) {
            return null;
        }
        return d < 10_000 ? Math.round(d * GIB) : (long) d;
    }

    /** RFC 3339 with a zone (wandb-core), or a zone-less ISO time that the legacy service wrote in UTC. */
    static Instant time(String text, String file, WandbProblems problems) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                problems.add(file, "field startedAt", "not a time: '" + text + "'");
                return null;
            }
        }
    }
}
