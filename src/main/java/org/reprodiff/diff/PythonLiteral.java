package org.reprodiff.diff;

import org.reprodiff.model.ParamValue;

/**
 * A value as Python's {@code str()} writes it, which is how MLflow stores a list parameter ({@code [64, 128]},
 * {@code ['relu', 'tanh']}, {@code [True, None]}). Lets a typed list from one tracker be compared with MLflow's
 * text of the same list, and gives twin keys that agree across trackers. Whitespace is normalised.
 */
final class PythonLiteral {
    private PythonLiteral() {
    }

    static String of(ParamValue v) {
        return switch (v.type()) {
            case NUMBER -> normalise(v.raw());
            case BOOL -> v.bool() ? "True" : "False";
            case NULL -> "None";
            case STRING -> "'" + v.raw().replace("\\", "\\\\").replace("'", "\\'") + "'";
            case LIST -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < v.items().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(of(v.items().get(i)));
                }
                yield sb.append(']').toString();
            }
        };
    }

    /** The text with all whitespace removed and double quotes read as single quotes. */
    static String normalise(String text) {
        return text.replaceAll("\\s+", "").replace('"', '\'');
    }
}
