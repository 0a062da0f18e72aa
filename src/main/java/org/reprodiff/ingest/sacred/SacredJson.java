package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Small shared readings of Sacred's JSON files: where a parse error is (as {@code line N}), a short
 * description of an I/O failure, and a JSON field's text.
 */
final class SacredJson {
    private SacredJson() {
    }

    /** {@code line N} of a parse error, or empty when Jackson does not know. */
    static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr();
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    /** A field as text: strings as they are, numbers and booleans as JSON writes them; null when absent or null. */
    static String text(JsonNode node, String field) {
        return text(node == null ? null : node.get(field));
    }

    /** A scalar as text; null for null, absent, objects and arrays. */
    static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
