package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.reprodiff.model.Facet;
import org.reprodiff.model.Param;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;

/**
 * What the records point to when equal inputs gave different outputs: no seed recorded, cuDNN benchmark mode,
 * non-deterministic algorithms allowed, data-loader workers, TF32, and the facets neither run captured.
 */
final class Suspects {
    List<String> find(Run a, Run b, List<NotCaptured> notCaptured) {
        List<String> out = new ArrayList<>();
        if (a.seeds().isEmpty() || b.seeds().isEmpty()) {
            out.add("no seed recorded" + side(a.seeds().isEmpty(), b.seeds().isEmpty()) + ": random initialisation and shuffling may differ");
        }
        Map<String, String> flags = new LinkedHashMap<>();
        for (Run r : List.of(a, b)) {
            String label = r == a ? "A" : "B";
            for (Param p : r.params()) {
                String flag = flag(p);
                if (flag != null) {
                    flags.merge(flag, label, (x, y) -> x + " and " + y);
                }
            }
        }
        flags.forEach((flag, sides) -> out.add(flag.replace("{side}", sides)));
        for (NotCaptured n : notCaptured) {
            if (n.facet() != Facet.SEEDS && n.facet() != Facet.METRICS) {
                out.add("not captured: " + n.facet().id() + " (" + n.side() + ")");
            }
        }
        return out;
    }

    /** The suspect sentence a parameter raises, with {@code {side}} for the runs it is set in; null for none. */
    private static String flag(Param p) {
        String key = p.key().toLowerCase(Locale.ROOT);
        ParamValue v = p.value().type() == ParamValue.Type.STRING ? ParamValue.fromText(p.value().raw()) : p.value();
        if (key.contains("cudnn") && key.endsWith("benchmark") && isTrue(v)) {
            return "cuDNN benchmark mode on in {side} (" + p.key() + "): kernel choice varies between runs";
        }
        if ((key.endsWith("deterministic") || key.endsWith("use_deterministic_algorithms")) && isFalse(v)) {
            return "non-deterministic algorithms allowed in {side} (" + p.key() + " = " + p.value().raw() + ")";
        }
        if (key.endsWith("num_workers") && v.type() == ParamValue.Type.NUMBER && v.number() > 0) {
            return "data-loader workers in {side} (" + p.key() + " = " + p.value().raw() + "): worker seeding and order may vary";
        }
        if (key.contains("tf32") && isTrue(v)) {
            return "TF32 allowed in {side} (" + p.key() + "): reduced-precision matmuls";
        }
        return null;
    }

    private static String side(boolean a, boolean b) {
        return a && b ? " in either run" : a ? " in A" : " in B";
    }

    private static boolean isTrue(ParamValue v) {
        return v.type() == ParamValue.Type.BOOL && v.bool() || v.type() == ParamValue.Type.NUMBER && v.number() == 1;
    }

    private static boolean isFalse(ParamValue v) {
        return v.type() == ParamValue.Type.BOOL && !v.bool() || v.type() == ParamValue.Type.NUMBER && v.number() == 0;
    }
}
