package org.reprodiff.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Turns a nested configuration (read by {@link SafeYaml} or {@link LenientJson}: Hydra's
 * {@code .hydra/config.yaml}, Lightning's {@code hparams.yaml}, DVC's params files, Sacred's and Guild's configs)
 * into typed parameters with dotted keys ({@code model.optimizer.lr}). Invariants: every leaf is typed as number,
 * bool, null, string or list, with its raw text; an empty mapping is a leaf whose text is {@code {}}; Hydra's
 * unresolved interpolations ({@code ${model.lr}}, {@code ${now:%H}}) and its missing-value marker {@code ???}
 * stay the strings they are in the file, never resolved; mappings inside lists become their flow-style text.
 * Floats get the text Python prints for them ({@code 0.001}, {@code 1e-05}), since the file is Python's.
 */
public final class YamlConfig {
    private YamlConfig() {
    }

    /** The leaves of a mapping, in file order. */
    public static Map<String, ParamValue> flatten(Map<?, ?> config) {
        Map<String, ParamValue> out = new LinkedHashMap<>();
        config.forEach((k, v) -> walk(String.valueOf(k), v, out));
        return out;
    }

    private static void walk(String key, Object v, Map<String, ParamValue> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, child) -> walk(key + "." + k, child, out));
        } else {
            out.put(key, value(v));
        }
    }

    public static ParamValue value(Object v) {
        if (v == null) {
            return ParamValue.nullValue("null");
        }
        if (v instanceof Boolean b) {
            return ParamValue.bool(b, b ? "true" : "false");
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            return ParamValue.number(d, PythonFloatFormat.repr(d));
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
            return ParamValue.number(((Number) v).doubleValue(), v.toString());
        }
        if (v instanceof List<?> list) {
            List<ParamValue> items = new ArrayList<>();
            for (Object item : list) {
                items.add(item instanceof Map<?, ?> || item instanceof List<?> ? ParamValue.string(flow(item)) : value(item));
            }
            return ParamValue.list(items, flow(list));
        }
        if (v instanceof Map<?, ?> m) {
            return ParamValue.string(flow(m));
        }
        if (v instanceof Date d) {
            return ParamValue.string(d.toInstant().toString());
        }
        return ParamValue.string(v.toString());
    }

    /** YAML flow style: {@code [a, 1]}, {@code {k: v}}. */
    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + flow(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return value(v).raw();
    }
}
