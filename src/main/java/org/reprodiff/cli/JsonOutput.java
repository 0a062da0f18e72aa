package org.reprodiff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunSummary;

/** The JSON contracts of {@code runs --json}, {@code show --json} and {@code import --json} (PRODUCT.md). */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static void print(PrintWriter out, JsonNode node) throws java.io.IOException {
        out.println(MAPPER.writeValueAsString(node));
        out.flush();
    }

    static void problems(ArrayNode array, List<ImportProblem> problems) {
        problems.forEach(p -> array.addObject().put("file", p.file()).put("where", p.where()).put("message", p.message()));
    }

    static ObjectNode summary(RunSummary r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.id()).put("format", r.format()).put("nativeId", r.nativeId()).put("name", r.name())
                .put("experiment", r.experiment()).put("status", r.status().name()).put("source", r.source())
                .put("params", r.paramCount());
        r.metricKeys().forEach(n.putArray("metrics")::add);
        n.put("twinGroup", r.twinGroup());
        n.put("startTime", time(r.startTime())).put("endTime", time(r.endTime()));
        n.put("deleted", r.deleted()).put("truncated", r.truncated());
        return n;
    }

    static ObjectNode run(long id, Run run) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", id).put("format", run.format()).put("nativeId", run.nativeId()).put("name", run.name())
                .put("experiment", run.experiment()).put("status", run.status().name())
                .put("startTime", time(run.startTime())).put("endTime", time(run.endTime()))
                .put("source", run.source()).put("user", run.user());
        ObjectNode params = n.putObject("params");
        run.params().forEach(p -> params.set(p.key(), value(p.value())));
        ArrayNode seeds = n.putArray("seeds");
        run.seeds().forEach(s -> seeds.addObject().put("key", s.key()).put("value", s.value()).put("origin", s.origin()));
        ObjectNode code = n.putObject("code");
        code.put("remote", run.code().remote()).put("commit", run.code().commit()).put("branch", run.code().branch());
        if (run.code().dirty() == null) {
            code.putNull("dirty");
        } else {
            code.put("dirty", run.code().dirty());
        }
        code.put("program", run.code().program());
        run.code().args().forEach(code.putArray("args")::add);
        code.put("patch", run.code().patch());
        ArrayNode data = n.putArray("data");
        run.data().forEach(d -> data.addObject().put("name", d.name()).put("digest", d.digest()).put("origin", d.origin()));
        ObjectNode env = n.putObject("environment");
        run.environment().forEach(env::put);
        ArrayNode packages = n.putArray("packages");
        run.packages().forEach(p -> {
            ObjectNode pn = packages.addObject().put("name", p.name()).put("version", p.version()).put("manager", p.manager());
            if (p.constraint() != null) {
                pn.put("constraint", p.constraint());
            }
            pn.put("origin", p.origin());
        });
        ObjectNode metrics = n.putObject("metrics");
        run.metrics().forEach(m -> {
            ObjectNode mn = metrics.putObject(m.key());
            mn.put("count", m.size()).put("firstStep", m.firstStep()).put("lastStep", m.lastStep());
            number(mn, "last", m.last());
            number(mn, "min", m.min());
            number(mn, "max", m.max());
        });
        ObjectNode summary = n.putObject("summary");
        run.summary().forEach((k, v) -> number(summary, k, v));
        run.notCaptured().forEach(f -> n.withArray("notCaptured").add(f.id()));
        n.withArray("notCaptured");
        ObjectNode tags = n.putObject("tags");
        run.tags().forEach(tags::put);
        n.put("artifactUri", run.artifactUri());
        run.artifacts().forEach(n.putArray("artifacts")::add);
        n.put("deleted", run.deleted()).put("truncated", run.truncated());
        problems(n.putArray("problems"), run.problems());
        return n;
    }

    /** A parameter value in its type: numbers as numbers, booleans, null, lists, strings. */
    static JsonNode value(ParamValue v) {
        return switch (v.type()) {
            case NUMBER -> Double.isFinite(v.number())
                    ? (isIntegral(v) ? MAPPER.getNodeFactory().numberNode(v.number().longValue()) : MAPPER.getNodeFactory().numberNode(v.number()))
                    : MAPPER.getNodeFactory().textNode(Numbers.format(v.number()));
            case BOOL -> MAPPER.getNodeFactory().booleanNode(v.bool());
            case NULL -> MAPPER.getNodeFactory().nullNode();
            case STRING -> MAPPER.getNodeFactory().textNode(v.raw());
            case LIST -> {
                ArrayNode a = MAPPER.createArrayNode();
                v.items().forEach(i -> a.add(value(i)));
                yield a;
            }
        };
    }

    private static boolean isIntegral(ParamValue v) {
        double d = v.number();
        return d == Math.rint(d) && Math.abs(d) < 1e15 && !v.raw().contains(".") && !v.raw().toLowerCase().contains("e");
    }

    /** A double as a JSON number, or as "NaN", "Infinity", "-Infinity". */
    static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.put(field, Numbers.format(v));
        }
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
