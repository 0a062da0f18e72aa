package org.reprodiff.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.SeedRecord;

/**
 * Reads the small JSON description of a run that the diff golden tests use, and builds the {@link Run} with
 * {@link Run#builder}, so seeds are found and "not captured" is worked out exactly as for an imported run. The
 * format (every field optional except {@code format} and {@code nativeId}; an unknown field is an error, so a
 * typo cannot silently drop a fact):
 * <pre>
 * {
 *   "format": "wandb",                       run format; "mlflow" means every parameter is text (see params)
 *   "source": "...",                         default: the fixture file's path
 *   "nativeId": "run-a", "name": "a", "experiment": "e", "status": "FINISHED",
 *   "params": { "lr": 0.001, "optimizer": { "name": "adam" }, "layers": [64, 128] },
 *   "seeds": [ { "key": "seed", "value": 7, "origin": "sacred.seed" } ],      tool seeds (not parameters)
 *   "code": { "remote", "commit", "branch", "dirty": true, "program", "args": [...],
 *             "patch": "text" or [lines], "sourceDigests": { file: digest } },
 *   "data": [ { "name": "train", "digest": "sha256:...", "origin": "..." } ],
 *   "environment": { "python": "3.10.12", "env.CUBLAS_WORKSPACE_CONFIG": ":4096:8" },
 *   "packages": [ { "name": "torch", "version": "2.1.0", "constraint": null, "manager": "pip" } ],
 *   "metrics": { "loss": { "steps": [0, 1], "values": [1.0, "NaN"], "wallTimes": [...] } },
 *   "summary": { "accuracy": 0.9 },
 *   "captured": [ "data" ]                   facets declared captured although empty
 * }
 * </pre>
 * Parameters: nested objects are flattened to dotted keys; a JSON number becomes a number whose raw text is the
 * literal as written ({@code 1e-3} stays {@code "1e-3"}); {@code true}/{@code false} a bool, {@code null} a null
 * (raw {@code "null"}), a string a string, an array a list (raw: the items' raw texts, strings quoted, as
 * {@code [a, b]}). For {@code "format": "mlflow"} every value must be a JSON string and goes through
 * {@link ParamValue#fromText}, as the MLflow importers do; a non-string is an error. Metric values are numbers
 * or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (bare {@code NaN}/{@code Infinity} are
 * accepted too); {@code steps} default to 0, 1, 2, … and {@code wallTimes} to "not recorded". Seed, data and
 * package origins default to {@code fixture}; a package's manager to {@code pip}.
 */
final class RunFixture {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
    private static final Set<String> FIELDS = Set.of("format", "source", "nativeId", "name", "experiment", "status",
            "params", "seeds", "code", "data", "environment", "packages", "metrics", "summary", "captured");
    private static final Set<String> CODE_FIELDS = Set.of("remote", "commit", "branch", "dirty", "program", "args",
            "patch", "sourceDigests");
    private static final String ORIGIN = "fixture";

    private RunFixture() {
    }

    /** A JSON value of the params object as written: its token, literal text, and items or fields. */
    private record Raw(JsonToken token, String text, List<Raw> items, Map<String, Raw> fields) {
    }

    static Run read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Builds a run from fixture JSON; {@code where} names it in errors and is the default source. */
    static Run parse(String json, String where) throws IOException {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Raw params = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            p.setCodec(MAPPER);
            expect(p.nextToken() == JsonToken.START_OBJECT, where, "a run fixture is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                expect(FIELDS.contains(name), where, "unknown field '" + name + "' (known: " + FIELDS + ")");
                p.nextToken();
                if (name.equals("params")) {
                    params = raw(p);
                    expect(params.token() == JsonToken.START_OBJECT, where, "params must be an object");
                } else {
                    fields.put(name, MAPPER.readTree(p));
                }
            }
        }
        String format = text(fields.get("format"));
        String nativeId = text(fields.get("nativeId"));
        expect(format != null && nativeId != null, where, "format and nativeId are required");
        String source = text(fields.get("source"));
        Run.Builder run = Run.builder(format, source == null ? where : source, nativeId)
                .name(text(fields.get("name")))
                .experiment(text(fields.get("experiment")))
                .status(RunStatus.parse(text(fields.get("status"))));
        if (params != null) {
            boolean textOnly = format.equals("mlflow");
            for (Map.Entry<String, Raw> e : params.fields().entrySet()) {
                addParams(run, e.getKey(), e.getValue(), textOnly, where);
            }
        }
        for (JsonNode s : array(fields.get("seeds"))) {
            run.seed(new SeedRecord(required(s, "key", where), required(s, "value", where), or(s, "origin", ORIGIN)));
        }
        if (fields.containsKey("code")) {
            run.code(code(fields.get("code"), where));
        }
        for (JsonNode d : array(fields.get("data"))) {
            run.data(new DataRef(required(d, "name", where), text(d.get("digest")), or(d, "origin", ORIGIN)));
        }
        for (Map.Entry<String, JsonNode> e : entries(fields.get("environment"))) {
            run.environment(e.getKey(), text(e.getValue()));
        }
        for (JsonNode k : array(fields.get("packages"))) {
            run.packageRef(new PackageRef(required(k, "name", where), text(k.get("version")),
                    text(k.get("constraint")), or(k, "manager", "pip"), or(k, "origin", ORIGIN)));
        }
        for (Map.Entry<String, JsonNode> e : entries(fields.get("metrics"))) {
            run.metric(series(e.getKey(), e.getValue(), where));
        }
        for (Map.Entry<String, JsonNode> e : entries(fields.get("summary"))) {
            run.summary(e.getKey(), number(e.getValue(), where + ": summary " + e.getKey()));
        }
        for (JsonNode f : array(fields.get("captured"))) {
            run.captured(Facet.fromId(f.asText()));
        }
        return run.build();
    }

    private static Raw raw(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Raw> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, raw(p));
            }
            return new Raw(t, null, List.of(), fields);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Raw> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(raw(p));
            }
            return new Raw(t, null, items, Map.of());
        }
        return new Raw(t, p.getText(), List.of(), Map.of());
    }

    private static void addParams(Run.Builder run, String key, Raw value, boolean textOnly, String where) {
        if (value.token() == JsonToken.START_OBJECT) {
            value.fields().forEach((k, v) -> addParams(run, key + "." + k, v, textOnly, where));
            return;
        }
        if (textOnly) {
            expect(value.token() == JsonToken.VALUE_STRING, where,
                    "param " + key + ": MLflow keeps every parameter as text, write it as a JSON string");
            run.param(key, ParamValue.fromText(value.text()));
        } else {
            run.param(key, typed(value, where + ": param " + key));
        }
    }

    private static ParamValue typed(Raw v, String where) {
        return switch (v.token()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ParamValue.number(Numbers.parse(v.text()), v.text());
            case VALUE_STRING -> ParamValue.string(v.text());
            case VALUE_TRUE -> ParamValue.bool(true, "true");
            case VALUE_FALSE -> ParamValue.bool(false, "false");
            case VALUE_NULL -> ParamValue.nullValue("null");
            case START_ARRAY -> {
                List<ParamValue> items = new ArrayList<>();
                for (Raw item : v.items()) {
                    items.add(typed(item, where));
                }
                yield ParamValue.list(items, listText(v));
            }
            default -> throw new IllegalArgumentException(where + ": unsupported value " + v.token());
        };
    }

    private static String listText(Raw list) {
        List<String> parts = new ArrayList<>();
        for (Raw item : list.items()) {
            parts.add(switch (item.token()) {
                case VALUE_STRING -> quoted(item.text());
                case START_ARRAY -> listText(item);
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                default -> item.text();
            });
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String quoted(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CodeState code(JsonNode c, String where) {
        entries(c).forEach(f -> expect(CODE_FIELDS.contains(f.getKey()), where, "unknown code field '" + f.getKey() + "'"));
        List<String> args = new ArrayList<>();
        array(c.get("args")).forEach(a -> args.add(a.asText()));
        Map<String, String> digests = new LinkedHashMap<>();
        entries(c.get("sourceDigests")).forEach(e -> digests.put(e.getKey(), e.getValue().asText()));
        JsonNode patch = c.get("patch");
        String patchText;
        if (patch != null && patch.isArray()) {
            List<String> lines = new ArrayList<>();
            patch.forEach(l -> lines.add(l.asText()));
            patchText = String.join("\n", lines);
        } else {
            patchText = text(patch);
        }
        JsonNode dirty = c.get("dirty");
        return new CodeState(text(c.get("remote")), text(c.get("commit")), text(c.get("branch")),
                dirty == null || dirty.isNull() ? null : dirty.asBoolean(), patchText, text(c.get("program")),
                args, digests);
    }

    private static MetricSeries series(String key, JsonNode m, String where) {
        String at = where + ": metric " + key;
        JsonNode values = m.get("values");
        expect(values != null && values.isArray(), at, "values must be an array");
        JsonNode steps = m.get("steps");
        JsonNode times = m.get("wallTimes");
        expect(steps == null || steps.size() == values.size(), at, "steps and values differ in length");
        expect(times == null || times.size() == values.size(), at, "wallTimes and values differ in length");
        MetricSeries.Builder b = new MetricSeries.Builder(key);
        for (int i = 0; i < values.size(); i++) {
            long step = steps == null ? i : steps.get(i).asLong();
            long time = times == null || times.get(i).isNull() ? MetricSeries.NO_TIME : times.get(i).asLong();
            b.add(step, number(values.get(i), at + " value " + i), time);
        }
        return b.build();
    }

    private static double number(JsonNode v, String where) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        expect(v.isTextual(), where, "a number or \"NaN\"/\"Infinity\"/\"-Infinity\"");
        return Numbers.parse(v.asText());
    }

    private static String required(JsonNode n, String field, String where) {
        String v = text(n.get(field));
        expect(v != null, where, "'" + field + "' is required in " + n);
        return v;
    }

    private static String or(JsonNode n, String field, String fallback) {
        String v = text(n.get(field));
        return v == null ? fallback : v;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Iterable<JsonNode> array(JsonNode n) {
        return n == null || n.isNull() ? List.of() : n;
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        return n.properties();
    }

    private static void expect(boolean ok, String where, String message) {
        if (!ok) {
            throw new IllegalArgumentException(where + ": " + message);
        }
    }
}
