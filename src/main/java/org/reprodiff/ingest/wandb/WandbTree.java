package org.reprodiff.ingest.wandb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A nested key-value fold, as W&B folds its config and summary (FORMATS.md 2.4): an update sets the value at a
 * path (a {@code key}, or the segments of a {@code nested_key}), creating the maps above it; a removal deletes
 * the path. Values are plain data ({@link WandbValues#parse}) or, for the summary, a {@link Raw} text that is
 * parsed only when the fold is read: a wandb-core log updates the summary once per history row, and only the
 * last value of each key matters.
 *
 * <p>Invariants: maps are {@link LinkedHashMap}s in first-set order; {@link #flatten} joins the path of every
 * leaf with {@code .} (as W&B's own reader joins {@code nested_key}); an empty map, and a W&B media or table
 * object (a map with {@code _type}), is a leaf.
 */
final class WandbTree {

    /** A value kept as JSON text until the fold is read. */
    interface Lazy {
        String json();
    }

    /** A value kept as its JSON text until the fold is read. */
    record Raw(String json) implements Lazy {
    }

    private final Map<String, Object> root = new LinkedHashMap<>();

    boolean isEmpty() {
        return root.isEmpty();
    }

    Map<String, Object> root() {
        return root;
    }

    /** Sets a one-segment path (the common case; avoids building a list). */
    void set(String key, Object value) {
        root.put(key, value);
    }

    @SuppressWarnings("unchecked")
    void set(List<String> path, Object value) {
        if (path.isEmpty()) {
            return;
        }
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object child = node.get(path.get(i));
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path.get(i), child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    void remove(List<String> path) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object child = node.get(path.get(i));
            if (!(child instanceof Map)) {
                return;
            }
            node = (Map<String, Object>) child;
        }
        if (!path.isEmpty()) {
            node.remove(path.get(path.size() - 1));
        }
    }

    /**
     * Visits every leaf with its dotted path. {@link Lazy} values are parsed first (a value that is not JSON is
     * passed on as its text, and {@code onBadJson} hears of it); a parsed map is walked like any other.
     */
    void flatten(BiConsumer<String, Object> leaf, BiConsumer<String, String> onBadJson) {
        walk(root, "", leaf, onBadJson);
    }

    private static void walk(Map<?, ?> map, String prefix, BiConsumer<String, Object> leaf,
                             BiConsumer<String, String> onBadJson) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object value = e.getValue();
            if (value instanceof Lazy lazy) {
                String json = lazy.json();
                try {
                    value = WandbValues.parse(json);
                } catch (java.io.IOException ex) {
                    onBadJson.accept(key, json);
                    value = json;
                }
            }
            if (value instanceof Map<?, ?> child && !child.isEmpty() && !WandbValues.isWandbObject(child)) {
                walk(child, key + ".", leaf, onBadJson);
            } else {
                leaf.accept(key, value);
            }
        }
    }
}
