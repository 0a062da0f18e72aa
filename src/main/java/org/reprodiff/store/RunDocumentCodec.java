package org.reprodiff.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Param;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * The {@code facets} column: every part of a run that is not a column of its own nor a metric series, as one
 * JSON document. Written and read field by field (the model carries no serialisation annotations); finite doubles
 * are JSON numbers (Jackson writes the shortest text that reads back to the same double), NaN and the
 * infinities are written as text so they survive.
 */
final class RunDocumentCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    String encode(Run run) {
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode params = doc.putArray("params");
        for (Param p : run.params()) {
            ObjectNode n = params.addObject().put("key", p.key());
            writeValue(n, p.value());
        }
        ArrayNode seeds = doc.putArray("seeds");
        run.seeds().forEach(s -> seeds.addObject().put("key", s.key()).put("value", s.value()).put("origin", s.origin()));
        CodeState c = run.code();
        ObjectNode code = doc.putObject("code");
        code.put("remote", c.remote()).put("commit", c.commit()).put("branch", c.branch()).put("patch", c.patch())
                .put("program", c.program());
        if (c.dirty() != null) {
            code.put("dirty", c.dirty());
        }
        c.args().forEach(code.putArray("args")::add);
        ObjectNode digests = code.putObject("sourceDigests");
        c.sourceDigests().forEach(digests::put);
        ArrayNode data = doc.putArray("data");
        run.data().forEach(d -> data.addObject().put("name", d.name()).put("digest", d.digest()).put("origin", d.origin()));
        ObjectNode env = doc.putObject("environment");
        run.environment().forEach(env::put);
        ArrayNode packages = doc.putArray("packages");
        run.packages().forEach(p -> packages.addObject().put("name", p.name()).put("version", p.version())
                .put("constraint", p.constraint()).put("manager", p.manager()).put("origin", p.origin()));
        ObjectNode summary = doc.putObject("summary");
        run.summary().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                summary.put(k, v.doubleValue());
            } else {
                summary.put(k, Double.toString(v));
            }
        });
        ObjectNode tags = doc.putObject("tags");
        run.tags().forEach(tags::put);
        run.artifacts().forEach(doc.putArray("artifacts")::add);
        doc.put("artifactUri", run.artifactUri());
        run.notCaptured().forEach(f -> doc.withArray("notCaptured").add(f.id()));
        ArrayNode problems = doc.putArray("problems");
        run.problems().forEach(p -> problems.addObject().put("file", p.file()).put("where", p.where()).put("message", p.message()));
        try {
            return mapper.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode run " + run.nativeId(), e);
        }
    }

    /** Fills {@code b} with the document's facets. Returns the facets recorded as not captured. */
    Set<Facet> decodeInto(String json, Run.Builder b) {
        JsonNode doc;
        try {
            doc = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt run document: " + e.getMessage(), e);
        }
        doc.path("params").forEach(n -> b.param(n.path("key").asText(), readValue(n)));
        doc.path("seeds").forEach(n -> b.seed(new SeedRecord(n.path("key").asText(), n.path("value").asText(), n.path("origin").asText())));
        JsonNode c = doc.path("code");
        List<String> args = new ArrayList<>();
        c.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> digests = new HashMap<>();
        c.path("sourceDigests").fields().forEachRemaining(e -> digests.put(e.getKey(), e.getValue().asText()));
        b.code(new CodeState(text(c, "remote"), text(c, "commit"), text(c, "branch"),
                c.hasNonNull("dirty") ? c.get("dirty").asBoolean() : null, text(c, "patch"), text(c, "program"), args, digests));
        doc.path("data").forEach(n -> b.data(new DataRef(n.path("name").asText(), text(n, "digest"), n.path("origin").asText())));
        doc.path("environment").fields().forEachRemaining(e -> b.environment(e.getKey(), e.getValue().asText()));
        doc.path("packages").forEach(n -> b.packageRef(new PackageRef(n.path("name").asText(), text(n, "version"),
                text(n, "constraint"), n.path("manager").asText(), n.path("origin").asText())));
        doc.path("summary").fields().forEachRemaining(e -> b.summary(e.getKey(), number(e.getValue())));
        doc.path("tags").fields().forEachRemaining(e -> b.tag(e.getKey(), e.getValue().asText()));
        doc.path("artifacts").forEach(a -> b.artifact(a.asText()));
        b.artifactUri(text(doc, "artifactUri"));
        doc.path("problems").forEach(n -> b.problem(new ImportProblem(n.path("file").asText(), n.path("where").asText(), n.path("message").asText())));
        Set<Facet> notCaptured = EnumSet.noneOf(Facet.class);
        doc.path("notCaptured").forEach(f -> notCaptured.add(Facet.fromId(f.asText())));
        for (Facet f : Facet.values()) {
            if (!notCaptured.contains(f)) {
                b.captured(f);
            }
        }
        return notCaptured;
    }

    private void writeValue(ObjectNode n, ParamValue v) {
        n.put("type", v.type().name()).put("raw", v.raw());
        switch (v.type()) {
            case NUMBER -> {
                if (Double.isFinite(v.number())) {
                    n.put("number", v.number().doubleValue());
                } else {
                    n.put("number", Double.toString(v.number()));
                }
            }
            case BOOL -> n.put("bool", v.bool());
            case LIST -> {
                ArrayNode items = n.putArray("items");
                v.items().forEach(i -> writeValue(items.addObject(), i));
            }
            default -> { }
        }
    }

    private ParamValue readValue(JsonNode n) {
        String raw = n.path("raw").asText();
        return switch (ParamValue.Type.valueOf(n.path("type").asText())) {
            case NUMBER -> ParamValue.number(number(n.path("number")), raw);
            case BOOL -> ParamValue.bool(n.path("bool").asBoolean(), raw);
            case NULL -> ParamValue.nullValue(raw);
            case STRING -> ParamValue.string(raw);
            case LIST -> {
                List<ParamValue> items = new ArrayList<>();
                n.path("items").forEach(i -> items.add(readValue(i)));
                yield ParamValue.list(items, raw);
            }
        };
    }

    /** A double written as a JSON number, or as text for NaN and the infinities. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
