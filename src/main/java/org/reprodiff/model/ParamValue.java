package org.reprodiff.model;

import java.util.List;
import java.util.Objects;

/**
 * A typed parameter value with the raw text it was read from. Invariants: {@code raw} is never null; a
 * {@link Type#NUMBER} carries {@code number}, a {@link Type#BOOL} carries {@code bool}, a {@link Type#LIST}
 * carries {@code items} (immutable); the other fields are null/empty for types that do not use them.
 */
public record ParamValue(Type type, String raw, Double number, Boolean bool, List<ParamValue> items) {

    /** The value types PRODUCT.md names. */
    public enum Type { NUMBER, STRING, BOOL, NULL, LIST }

    public ParamValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static ParamValue number(double value, String raw) {
        return new ParamValue(Type.NUMBER, raw, value, null, null);
    }

    public static ParamValue string(String value) {
        return new ParamValue(Type.STRING, value, null, null, null);
    }

    public static ParamValue bool(boolean value, String raw) {
        return new ParamValue(Type.BOOL, raw, null, value, null);
    }

    public static ParamValue nullValue(String raw) {
        return new ParamValue(Type.NULL, raw, null, null, null);
    }

    public static ParamValue list(List<ParamValue> items, String raw) {
        return new ParamValue(Type.LIST, raw, null, null, items);
    }

    /**
     * Types a value that a tracker kept only as text (MLflow keeps every parameter as a string): numbers,
     * booleans ({@code true}/{@code True}/{@code false}/{@code False}) and nulls ({@code None}, {@code null})
     * are typed when the whole text parses cleanly; everything else stays a string. Lists are not guessed from
     * text.
     */
    public static ParamValue fromText(String raw) {
        String t = raw.trim();
        if (!t.equals(raw) || t.isEmpty()) {
            return string(raw);
        }
        switch (t) {
            case "true", "True", "TRUE" -> { return bool(true, raw); }
            case "false", "False", "FALSE" -> { return bool(false, raw); }
            case "None", "null", "NULL", "~" -> { return nullValue(raw); }
            default -> { }
        }
        Double n = Numbers.parseStrict(t);
        return n == null ? string(raw) : number(n, raw);
    }

    /** The value as a person reads it: the raw text. */
    @Override
    public String toString() {
        return raw;
    }
}
