package org.reprodiff.ingest.wandb;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Turns a W&B config into typed parameters: nested maps are flattened to dotted keys ({@code optimizer.lr}),
 * each leaf typed as number, string, bool, null or list, with its raw text. Numbers from the log keep the text
 * they were logged as; numbers from YAML are written as Python would print them ({@code 0.000225},
 * {@code 1e-05}, {@code 64}), since the config is Python's. The {@code _wandb} block is flattened like the rest
 * ({@code _wandb.cli_version}); the diff treats {@code _wandb.*} as W&B's bookkeeping, not as the user's
 * parameters.
 *
 * <p>Merging ({@link #merge}): the log's config is the base; each top-level key present in
 * {@code files/config.yaml} (written by the SDK after the last config change) replaces the log's subtree of
 * that key, but where both give the same value the log's leaf (with its exact text) is kept, and so is a log
 * string that a YAML 1.1 reader mistakes for a boolean ({@code yes}, {@code off}).
 */
final class WandbParams {
    private WandbParams() {
    }

    /** Flattens top-level keys (each value unwrapped from {@code {desc, value}}) to dotted typed leaves. */
    static Map<String, ParamValue> flatten(Map<String, Object> top) {
        Map<String, ParamValue> out = new LinkedHashMap<>();
        top.forEach((k, v) -> walk(k, WandbFiles.unwrap(v), out));
        return out;
    }

    private static void walk(String key, Object v, Map<String, ParamValue> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, child) -> walk(key + "." + k, child, out));
        } else {
            out.put(key, value(v));
        }
    }

    static Map<String, ParamValue> merge(Map<String, ParamValue> log, Map<String, Object> yamlTop) {
        if (yamlTop == null) {
            return log;
        }
        Map<String, ParamValue> yaml = flatten(yamlTop);
        Map<String, ParamValue> out = new LinkedHashMap<>(log);
        for (String top : yamlTop.keySet()) {
            out.keySet().removeIf(k -> k.equals(top) || k.startsWith(top + "."));
        }
        yaml.forEach((k, v) -> {
            ParamValue old = log.get(k);
            out.put(k, old != null && (same(old, v) || yamlBoolean(old, v)) ? old : v);
        });
        return out;
    }

    /**
     * A string such as {@code yes} or {@code off} that a YAML 1.1 reader turns into a boolean (wandb-core writes
     * YAML 1.2, where it stays a string): the log's string is right.
     */
    private static boolean yamlBoolean(ParamValue log, ParamValue yaml) {
        return log.type() == ParamValue.Type.STRING && yaml.type() == ParamValue.Type.BOOL
                && List.of("y", "yes", "n", "no", "on", "off").contains(log.raw().toLowerCase(Locale.ROOT));
    }

    private static boolean same(ParamValue a, ParamValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case NUMBER -> a.number().equals(b.number());
            case BOOL -> a.bool().equals(b.bool());
            case NULL -> true;
            case STRING -> a.raw().equals(b.raw());
            case LIST -> a.items().size() == b.items().size() && sameItems(a.items(), b.items());
        };
    }

    private static boolean sameItems(List<ParamValue> a, List<ParamValue> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** One leaf as a typed value. */
    static ParamValue value(Object v) {
        if (v == null) {
            return ParamValue.nullValue("null");
        }
        if (v instanceof WandbValues.JsonNumber n) {
            return ParamValue.number(n.value(), n.text());
        }
        if (v instanceof Boolean b) {
            return ParamValue.bool(b, b ? "true" : "false");
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return ParamValue.number(d, PythonFloatFormat.repr(d));
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
            return ParamValue.number(((Number) v).doubleValue(), v.toString());
        }
        if (v instanceof List<?> list) {
            List<ParamValue> items = new ArrayList<>();
            List<String> raws = new ArrayList<>();
            for (Object item : list) {
                ParamValue p = item instanceof Map<?, ?> ? ParamValue.string(json(item)) : value(item);
                items.add(p);
                raws.add(p.type() == ParamValue.Type.STRING ? quote(p.raw()) : p.raw());
            }
            return ParamValue.list(items, "[" + String.join(", ", raws) + "]");
        }
        if (v instanceof Map<?, ?>) {
            return ParamValue.string(json(v));
        }
        if (v instanceof Date d) {
            return ParamValue.string(d.toInstant().toString());
        }
        return ParamValue.string(v.toString());
    }

    /** A compact JSON rendering of plain data, for values that stay text. */
    static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(quote(String.valueOf(k)) + ": " + json(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(json(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        return value(v).raw();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
