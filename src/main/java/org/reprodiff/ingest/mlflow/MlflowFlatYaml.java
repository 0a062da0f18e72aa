package org.reprodiff.ingest.mlflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast path for the flat {@code meta.yaml} files MLflow writes (one {@code key: value} per line, sorted keys,
 * scalar values): gives the same map {@link org.reprodiff.ingest.SafeYaml} would, or {@code null} when the text
 * is anything else, in which case the caller parses it with SafeYaml. Parsing YAML is most of the cost of reading
 * a small run, and MLflow's own files use only a handful of value shapes.
 *
 * <p>Invariant: a non-null answer equals SafeYaml's (YAML 1.1 typing as SnakeYAML resolves it) for the same
 * text. Only shapes whose YAML type is certain are accepted: decimal integers without a leading zero, single
 * quoted strings, {@code []} and {@code {}}, an empty value (null), and plain words (single inner spaces allowed)
 * that cannot be a number, a boolean, a null or a timestamp; anything else (double quotes, comments, indentation,
 * CR, blank lines,
 * {@code yes}/{@code on}/{@code null} words, digit strings that could be floats) is declined.
 */
final class MlflowFlatYaml {
    /** Words SnakeYAML resolves to a boolean or null in some casing; declined in every casing. */
    private static final Set<String> SPECIAL_WORDS = Set.of("yes", "no", "true", "false", "on", "off", "null", "y", "n");

    private MlflowFlatYaml() {
    }

    /** The mapping, or null when the text is not a flat document of the accepted shapes. */
    static Map<String, Object> parse(String text) {
        int length = text.length();
        if (length == 0) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        int start = 0;
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            if (!entry(text, start, end, map)) {
                return null;
            }
            start = end + 1;
        }
        return map;
    }

    /** Adds one {@code key: value} line; false when the line is not of an accepted shape. */
    private static boolean entry(String text, int start, int end, Map<String, Object> map) {
        int colon = start;
        while (colon < end && isKeyChar(text.charAt(colon))) {
            colon++;
        }
        if (colon == start || colon == end || text.charAt(colon) != ':' || !isLetter(text.charAt(start))) {
            return false;
        }
        String key = text.substring(start, colon);
        if (SPECIAL_WORDS.contains(key.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (colon + 1 == end) {
            map.put(key, null);
            return true;
        }
        if (text.charAt(colon + 1) != ' ' || colon + 2 == end) {
            return false;
        }
        Object value = value(text.substring(colon + 2, end));
        if (value == null) {
            return false;
        }
        map.put(key, value);
        return true;
    }

    /** The value of an accepted shape, or null when declined. */
    private static Object value(String v) {
        char first = v.charAt(0);
        if (first == '\'') {
            return singleQuoted(v);
        }
        if (v.equals("[]")) {
            return new ArrayList<>();
        }
        if (v.equals("{}")) {
            return new LinkedHashMap<>();
        }
        if (isDigit(first)) {
            return digitLeading(v);
        }
        if (!isLetter(first) || v.charAt(v.length() - 1) == ':'
                || SPECIAL_WORDS.contains(v.toLowerCase(Locale.ROOT))) {
            return null;
        }
        int last = v.length() - 1;
        for (int i = 1; i <= last; i++) {
            char c = v.charAt(i);
            boolean word = isKeyChar(c) || c == '.' || c == '/' || c == ':' || c == '-' || c == '%';
            // A lone space inside a plain scalar is part of it; ": " and " #" would mean something else.
            boolean innerSpace = c == ' ' && i < last && v.charAt(i - 1) != ':' && v.charAt(i + 1) != ' '
                    && v.charAt(i + 1) != '#';
            if (!word && !innerSpace) {
                return null;
            }
        }
        return v;
    }

    /** An integer, or a word of letters and digits that no YAML 1.1 number pattern matches. */
    private static Object digitLeading(String v) {
        boolean allDigits = true;
        boolean otherLetter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (isDigit(c)) {
                continue;
            }
            if (!isLetter(c)) {
                return null;
            }
            allDigits = false;
            otherLetter |= c != 'e' && c != 'E';
        }
        if (allDigits) {
            if (v.length() > 1 && v.charAt(0) == '0' || v.length() > 18) {
                return null;
            }
            long n = Long.parseLong(v);
            return n <= Integer.MAX_VALUE ? (Object) (int) n : (Object) n;
        }
        return otherLetter && !radixInteger(v) ? v : null;
    }

    /** YAML 1.1's {@code 0x} hexadecimal or {@code 0b} binary integer (letters and digits only, as checked). */
    private static boolean radixInteger(String v) {
        if (v.length() < 3 || v.charAt(0) != '0') {
            return false;
        }
        String digits = v.charAt(1) == 'x' ? "0123456789abcdefABCDEF" : v.charAt(1) == 'b' ? "01" : null;
        if (digits == null) {
            return false;
        }
        for (int i = 2; i < v.length(); i++) {
            if (digits.indexOf(v.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A single-quoted scalar of printable ASCII on one line ({@code ''} is a quote); null otherwise (other
     * characters are left to SafeYaml, which knows which ones YAML refuses).
     */
    private static String singleQuoted(String v) {
        if (v.length() < 2 || v.charAt(v.length() - 1) != '\'') {
            return null;
        }
        StringBuilder out = new StringBuilder(v.length());
        int last = v.length() - 1;
        for (int i = 1; i < last; i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                if (i + 1 < last && v.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return null;
                }
            } else if (c < ' ' || c > '~') {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isKeyChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
