package org.reprodiff.ingest.hydra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the few facts Reprodiff keeps from {@code .hydra/hydra.yaml}, Hydra's own {@code hydra:} node
 * ({@code HydraConf}, FORMATS.md 7): the job's name, config name and number, the Hydra version, the launch
 * folder, the environment variables Hydra set for the job, the config-group choices and both override lists.
 * Everything else in that file (logging, launcher, help templates, output folder patterns) is Hydra's
 * bookkeeping and is never turned into parameters. Invariants: Hydra's missing-value marker {@code ???} and
 * absent keys read as null; the lists and maps are never null; unexpected shapes read as absent.
 */
final class HydraJobParser {
    private static final String MISSING = "???";

    /** What {@code hydra.yaml} says about the job; {@link #NONE} when it is absent or unreadable. */
    record Job(String name, String configName, Integer num, String mode, String version, String cwd,
               Map<String, String> envSet, Map<String, String> choices, List<String> taskOverrides,
               List<String> hydraOverrides) {
        static final Job NONE = new Job(null, null, null, null, null, null, Map.of(), Map.of(), null, List.of());
    }

    private HydraJobParser() {
    }

    /** The job facts from a parsed {@code hydra.yaml} document (a map with a {@code hydra} key). */
    static Job parse(Object document) {
        if (!(document instanceof Map<?, ?> top) || !(top.get("hydra") instanceof Map<?, ?> hydra)) {
            return Job.NONE;
        }
        Map<?, ?> job = map(hydra.get("job"));
        Map<?, ?> runtime = map(hydra.get("runtime"));
        Map<?, ?> overrides = map(hydra.get("overrides"));
        return new Job(text(job.get("name")), text(job.get("config_name")), number(job.get("num")),
                text(hydra.get("mode")), text(runtime.get("version")), text(runtime.get("cwd")),
                texts(map(job.get("env_set"))), texts(map(runtime.get("choices"))),
                overrides.get("task") instanceof List<?> ? strings(overrides.get("task")) : null,
                strings(overrides.get("hydra")));
    }

    /** The items of a YAML list as strings (null items skipped); empty for anything else. */
    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    out.add(item.toString());
                }
            }
        }
        return out;
    }

    private static Map<?, ?> map(Object v) {
        return v instanceof Map<?, ?> m ? m : Map.of();
    }

    private static Map<String, String> texts(Map<?, ?> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            String t = text(v);
            if (t != null) {
                out.put(String.valueOf(k), t);
            }
        });
        return out;
    }

    private static String text(Object v) {
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
            return null;
        }
        String t = v.toString();
        return t.equals(MISSING) || t.isBlank() ? null : t;
    }

    private static Integer number(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        try {
            return v == null ? null : Integer.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
