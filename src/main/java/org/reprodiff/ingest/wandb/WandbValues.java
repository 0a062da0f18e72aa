package org.reprodiff.ingest.wandb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.LenientJson;

/**
 * Reads W&B {@code value_json} texts (FORMATS.md 2.4). The hot path, {@link #number}, classifies a value in
 * place in the record's bytes and parses plain JSON numbers and the bare tokens {@code NaN}, {@code Infinity},
 * {@code -Infinity} without building a string; anything else (strings, booleans, null, lists, objects) is
 * reported as not a number. The cold path, {@link #parse}, reads any value leniently into plain data:
 * {@link LinkedHashMap}, {@link List}, {@link JsonNumber} (keeping the number's text), {@link String},
 * {@link Boolean} and null.
 *
 * <p>Invariants: a number is parsed to the nearest double exactly as {@link Double#parseDouble} would (Jackson's
 * fast parser, checked equal); only text that is a JSON number by the grammar takes the fast path. One instance
 * per reader (it owns a scratch buffer).
 */
final class WandbValues {

    /** What a value is, for the history and stats paths. */
    enum Kind { NUMBER, OBJECT, OTHER }

    /** A JSON number with the text it was written as (so {@code 0.000225} stays {@code 0.000225}). */
    record JsonNumber(String text, double value) {
    }

    private char[] chars = new char[64];
    private double number;

    /** The number found by the last {@link #classify} that returned {@link Kind#NUMBER}. */
    double number() {
        return number;
    }

    /** Classifies {@code b[off, off+len)}; for a number, {@link #number()} holds it afterwards. */
    Kind classify(byte[] b, int off, int len) {
        int end = off + len;
        while (off < end && isSpace(b[off])) {
            off++;
        }
        while (end > off && isSpace(b[end - 1])) {
            end--;
        }
        if (off == end) {
            return Kind.OTHER;
        }
        byte c = b[off];
        if (c == '-' || (c >= '0' && c <= '9')) {
            return numberOrToken(b, off, end);
        }
        if (c == 'N' && matches(b, off, end, "NaN")) {
            number = Double.NaN;
            return Kind.NUMBER;
        }
        if (c == 'I' && matches(b, off, end, "Infinity")) {
            number = Double.POSITIVE_INFINITY;
            return Kind.NUMBER;
        }
        return c == '{' ? Kind.OBJECT : Kind.OTHER;
    }

    private Kind numberOrToken(byte[] b, int off, int end) {
        if (b[off] == '-' && end - off > 1 && b[off + 1] == 'I') {
            if (matches(b, off, end, "-Infinity")) {
                number = Double.NEGATIVE_INFINITY;
                return Kind.NUMBER;
            }
            return Kind.OTHER;
        }
        int i = off;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long whole = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && b[intStart] == '0')) {
            return Kind.OTHER;
        }
        if (i == end && intDigits <= 18) {
            number = negative ? -(double) whole : (double) whole;
            return Kind.NUMBER;
        }
        if (i < end && b[i] == '.') {
            int fracStart = ++i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == fracStart) {
                return Kind.OTHER;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expStart = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == expStart) {
                return Kind.OTHER;
            }
        }
        if (i != end) {
            return Kind.OTHER;
        }
        int len = end - off;
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        for (int k = 0; k < len; k++) {
            chars[k] = (char) b[off + k];
        }
        number = NumberInput.parseDouble(chars, 0, len, true);
        return Kind.NUMBER;
    }

    private static boolean matches(byte[] b, int off, int end, String token) {
        if (end - off != token.length()) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            if (b[off + k] != token.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Parses any JSON value leniently ({@code NaN}, {@code Infinity}, {@code -Infinity} accepted) into plain
     * data. Throws {@link IOException} with Jackson's message when the text is not JSON.
     */
    static Object parse(String text) throws IOException {
        try (JsonParser p = LenientJson.mapper().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("no JSON value");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON value");
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    if (k == null) {
                        throw new IOException("unterminated list");
                    }
                    list.add(read(p, k));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JsonNumber(p.getText(), p.getDoubleValue());
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    /** The numeric value of a parsed leaf, or null when it is not a number (booleans are not numbers). */
    static Double numeric(Object leaf) {
        if (leaf instanceof JsonNumber n) {
            return n.value();
        }
        if (leaf instanceof Number n && !(leaf instanceof Byte)) {
            return n.doubleValue();
        }
        return null;
    }

    /** Whether a parsed object is a W&B media, table or histogram object ({@code _type} marks them). */
    static boolean isWandbObject(Object value) {
        return value instanceof Map<?, ?> m && m.containsKey("_type");
    }
}
