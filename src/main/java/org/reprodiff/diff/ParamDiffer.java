package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprodiff.model.Facet;
import org.reprodiff.model.Param;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * Compares parameters by dotted key with type-aware equality: numbers by value ({@code 0.001} equals
 * {@code 1e-3}); when either run comes from a tracker that keeps every value as text (MLflow), values are
 * compared by what their text means ({@code "True"} equals {@code true}); otherwise a change of type
 * ({@code 1} vs {@code "one"}) is a difference. Lists are compared element by element with paths
 * ({@code layers[1]}). Seed parameters are left to the seeds facet; expected differences are kept apart.
 */
final class ParamDiffer {
    /** Formats whose trackers store every parameter as text. */
    static final Set<String> TEXT_ONLY_FORMATS = Set.of("mlflow");

    FacetDiff compare(Run a, Run b, ExpectedDifferences expected) {
        Set<String> seedKeys = new HashSet<>();
        for (Run r : List.of(a, b)) {
            for (SeedRecord s : r.seeds()) {
                seedKeys.add(s.key());
            }
        }
        boolean text = TEXT_ONLY_FORMATS.contains(a.format()) || TEXT_ONLY_FORMATS.contains(b.format());
        Map<String, ParamValue[]> pairs = new TreeMap<>();
        for (Param p : a.params()) {
            pairs.computeIfAbsent(p.key(), k -> new ParamValue[2])[0] = p.value();
        }
        for (Param p : b.params()) {
            pairs.computeIfAbsent(p.key(), k -> new ParamValue[2])[1] = p.value();
        }
        Tally tally = new Tally();
        for (Map.Entry<String, ParamValue[]> e : pairs.entrySet()) {
            if (seedKeys.contains(e.getKey())) {
                continue;
            }
            compare(e.getKey(), e.getValue()[0], e.getValue()[1], text, expected.reason(e.getKey()), tally);
        }
        return new FacetDiff(Facet.PARAMS, tally.differences, tally.expected, tally.equal);
    }

    private void compare(String key, ParamValue va, ParamValue vb, boolean text, String expectedReason, Tally tally) {
        if (va != null && vb != null && va.type() == ParamValue.Type.LIST && vb.type() == ParamValue.Type.LIST
                && !equal(va, vb, text)) {
            int n = Math.max(va.items().size(), vb.items().size());
            for (int i = 0; i < n; i++) {
                compare(key + "[" + i + "]", item(va, i), item(vb, i), text, expectedReason, tally);
            }
            return;
        }
        if (va != null && vb != null && equal(va, vb, text)) {
            tally.equal++;
            return;
        }
        String ra = va == null ? null : va.raw();
        String rb = vb == null ? null : vb.raw();
        Difference d = va != null && vb != null && va.type() != vb.type() && !text
                ? new Difference(key, ra, rb, Change.TYPE_CHANGED, va.type().name().toLowerCase() + " → " + vb.type().name().toLowerCase())
                : new Difference(key, ra, rb, Difference.of(key, ra, rb).change(), role(key));
        if (expectedReason != null) {
            tally.expected.add(new Difference(d.key(), d.a(), d.b(), d.change(), expectedReason));
        } else {
            tally.differences.add(d);
        }
    }

    /**
     * Marks parameters that are determinism switches ({@code cudnn.benchmark}, {@code deterministic},
     * {@code allow_tf32}…) or thread and worker counts, which rank lower than other parameters.
     */
    static String role(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.contains("cudnn") || k.contains("deterministic") || k.contains("tf32")) {
            return "determinism";
        }
        if (k.endsWith("num_workers") || k.endsWith("num_threads") || k.endsWith("workers") || k.endsWith("threads")) {
            return "threads";
        }
        return "";
    }

    private static ParamValue item(ParamValue list, int i) {
        return i < list.items().size() ? list.items().get(i) : null;
    }

    /** Type-aware equality of two non-list values (lists are expanded by the caller). */
    static boolean equal(ParamValue a, ParamValue b, boolean text) {
        if (text) {
            a = meaning(a);
            b = meaning(b);
            if (a.type() == ParamValue.Type.LIST && b.type() == ParamValue.Type.STRING) {
                return PythonLiteral.of(a).equals(PythonLiteral.normalise(b.raw()));
            }
            if (b.type() == ParamValue.Type.LIST && a.type() == ParamValue.Type.STRING) {
                return PythonLiteral.of(b).equals(PythonLiteral.normalise(a.raw()));
            }
        }
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case NUMBER -> a.number().equals(b.number()) || a.number().doubleValue() == b.number().doubleValue();
            case BOOL -> a.bool().equals(b.bool());
            case NULL -> true;
            case STRING -> a.raw().equals(b.raw());
            case LIST -> a.items().size() == b.items().size() && listEqual(a, b, text);
        };
    }

    private static boolean listEqual(ParamValue a, ParamValue b, boolean text) {
        for (int i = 0; i < a.items().size(); i++) {
            if (!equal(a.items().get(i), b.items().get(i), text)) {
                return false;
            }
        }
        return true;
    }

    /** What a value's text means, for comparing with a tracker that keeps only text. */
    private static ParamValue meaning(ParamValue v) {
        return v.type() == ParamValue.Type.STRING ? ParamValue.fromText(v.raw()) : v;
    }

    private static final class Tally {
        final List<Difference> differences = new ArrayList<>();
        final List<Difference> expected = new ArrayList<>();
        int equal;
    }
}
