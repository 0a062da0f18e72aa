package org.reprodiff.model;

import java.util.regex.Pattern;

/**
 * The one lenient number reader every importer shares (FORMATS.md 0.1): accepts what Python, JSON and the
 * trackers write, including {@code nan}, {@code inf}, {@code -inf}, {@code NaN}, {@code Infinity} and
 * {@code -Infinity} in any case.
 */
public final class Numbers {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(_\\d+)*\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)");

    private Numbers() {
    }

    /**
     * Parses a number or returns null. Rejects Java-only forms ({@code 1d}, {@code 0x1p3}, {@code 1f}) so a
     * string such as {@code "1d"} stays a string.
     */
    public static Double parseStrict(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        Double special = special(t);
        if (special != null) {
            return special;
        }
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        try {
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Like {@link #parseStrict} but throws {@link NumberFormatException} with the text when it is no number. */
    public static double parse(String text) {
        Double d = parseStrict(text);
        if (d == null) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        return d;
    }

    private static Double special(String t) {
        String s = t.toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    /** The JSON-contract rendering of a double: NaN and infinities as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
