package org.reprodiff.ingest.sacred;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the jsonpickle encoding Sacred writes ({@code sacred/serializer.py} {@code flatten}) back into plain data
 * (maps, lists, numbers, strings, booleans, null), without constructing anything: {@code {"py/tuple": [...]}}
 * and {@code {"py/set": [...]}} become lists; a NumPy scalar ({@code {"py/object": "numpy.float64",
 * "dtype": "float64", "value": 0.1}}) becomes its {@code value}; a small NumPy array becomes its
 * {@code values} list; any other pickled object becomes the short text {@code <py/object CLASS>} (or
 * {@code <py/b64>}, {@code <py/reduce>}…), never its payload. Plain maps are unwrapped member by member.
 */
final class JsonPickleValues {
    private static final String PREFIX = "py/";

    private JsonPickleValues() {
    }

    static Object unwrap(Object v) {
        if (v instanceof Map<?, ?> m) {
            return unwrapMap(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(item -> out.add(unwrap(item)));
            return out;
        }
        return v;
    }

    /** Whether a JSON object key is jsonpickle's ({@code py/object}, {@code py/tuple}…). */
    static boolean isPickleKey(String key) {
        return key.startsWith(PREFIX);
    }

    private static Object unwrapMap(Map<?, ?> m) {
        String pickle = null;
        for (Object k : m.keySet()) {
            if (String.valueOf(k).startsWith(PREFIX)) {
                pickle = String.valueOf(k);
                break;
            }
        }
        if (pickle == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), unwrap(x)));
            return out;
        }
        Object tuple = m.get("py/tuple");
        if (tuple instanceof List<?>) {
            return unwrap(tuple);
        }
        Object set = m.get("py/set");
        if (set instanceof List<?>) {
            return unwrap(set);
        }
        Object cls = m.get("py/object");
        if (cls != null) {
            Object value = m.get("value");
            if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                return value;
            }
            if (m.get("values") instanceof List<?> values) {
                return unwrap(values);
            }
            return "<py/object " + cls + ">";
        }
        return "<" + pickle + ">";
    }
}
