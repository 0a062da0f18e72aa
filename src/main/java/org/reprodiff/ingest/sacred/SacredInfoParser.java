package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;

/**
 * Reads the results a run kept in {@code info.json} ({@code run.info}, rewritten on every heartbeat): before
 * Sacred 0.7.2 had {@code metrics.json}, runs stored their results there ({@code {"accuracy_test": 0.99}},
 * {@code {"evaluations": [{"accuracy_test": 0.63, …}]}}). Each number found under objects, and under arrays of
 * objects, becomes a one-point series (step 0, no wall time) keyed by its path: {@code accuracy_test},
 * {@code evaluations[0].accuracy_test}.
 *
 * <p>The file is streamed and nothing else is kept: arrays of plain values (curves of {@code [x, y]} pairs),
 * strings, and jsonpickle objects (any object with a {@code py/…} key, such as {@code py/b64} images) are skipped
 * unread, except that a NumPy scalar ({@code {"py/object": "numpy.float64", "value": 0.5}}) counts as its value, so a payload of megabytes costs one pass and no memory. At most {@value #MAX_DEPTH} levels deep, at
 * most {@value #MAX_SERIES} series. A damaged file keeps what was read before the damage; a problem says where.
 */
final class SacredInfoParser {
    static final int MAX_DEPTH = 6;
    static final int MAX_SERIES = 500;

    private SacredInfoParser() {
    }

    static void read(Path file, Run.Builder run, List<ImportProblem> problems) {
        String name = file.toString();
        Map<String, Double> found = new LinkedHashMap<>();
        try (JsonParser p = LenientJson.mapper().getFactory().createParser(file.toFile())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                object(p, "", 1, found);
            }
        } catch (JsonProcessingException e) {
            problems.add(new ImportProblem(name, SacredJson.where(e), "not JSON: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(name, "", "cannot read: " + SacredJson.describe(e)));
        }
        found.forEach((key, value) -> run.metric(new MetricSeries.Builder(key).add(0, value, MetricSeries.NO_TIME).build()));
    }

    /** Reads an object whose START_OBJECT is current; its numbers are kept only if it is not jsonpickled. */
    private static void object(JsonParser p, String path, int depth, Map<String, Double> found) throws IOException {
        Map<String, Double> mine = new LinkedHashMap<>();
        boolean pickled = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            String child = path.isEmpty() ? key : path + "." + key;
            if (JsonPickleValues.isPickleKey(key)) {
                pickled = true;
                p.skipChildren();
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                mine.put(child, p.getDoubleValue());
            } else if (t == JsonToken.START_OBJECT && depth < MAX_DEPTH && !pickled) {
                object(p, child, depth + 1, mine);
            } else if (t == JsonToken.START_ARRAY && depth < MAX_DEPTH && !pickled) {
                array(p, child, depth + 1, mine);
            } else {
                p.skipChildren();
            }
        }
        if (pickled) {
            Double scalar = mine.get(path.isEmpty() ? "value" : path + ".value");
            mine.clear();
            if (scalar != null && !path.isEmpty()) {
                mine.put(path, scalar);
            }
        }
        mine.forEach((k, v) -> {
            if (found.size() < MAX_SERIES) {
                found.put(k, v);
            }
        });
    }

    /** Reads an array whose START_ARRAY is current: only its object elements are looked into. */
    private static void array(JsonParser p, String path, int depth, Map<String, Double> found) throws IOException {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken(), i++) {
            if (t == JsonToken.START_OBJECT) {
                object(p, path + "[" + i + "]", depth, found);
            } else {
                p.skipChildren();
            }
        }
    }
}
