package org.reprodiff.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.StoredRun;

/**
 * The diff JSON contract of PRODUCT.md: {@code verdict}, ranked {@code causes}, {@code notCaptured}, one list
 * per facet ({@code params}, {@code seeds}, {@code code}, {@code data}, {@code environment}, {@code packages}:
 * entries with {@code key}, {@code a}, {@code b}, {@code change}) and {@code metrics}. Also the two runs, the
 * suspects, the expected differences per facet, equal counts and the options. Non-finite numbers are written as
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class DiffJsonWriter {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(ComparedRuns runs) {
        Comparison c = runs.comparison();
        ObjectNode root = mapper.createObjectNode();
        root.put("verdict", c.verdict().name());
        ObjectNode ids = root.putObject("runs");
        run(ids.putObject("a"), runs.a());
        run(ids.putObject("b"), runs.b());
        ArrayNode causes = root.putArray("causes");
        c.causes().forEach(x -> causes.addObject().put("facet", x.facet()).put("key", x.key()).put("a", x.a())
                .put("b", x.b()).put("summary", x.summary()).put("weight", x.weight()));
        ArrayNode notCaptured = root.putArray("notCaptured");
        c.notCaptured().forEach(n -> notCaptured.addObject().put("facet", n.facet().id()).put("side", n.side()));
        c.suspects().forEach(root.putArray("suspects")::add);
        ObjectNode expected = root.putObject("expectedDifferences");
        ObjectNode equal = root.putObject("equal");
        for (FacetDiff f : c.facets()) {
            entries(root.putArray(f.facet().id()), f.differences());
            entries(expected.putArray(f.facet().id()), f.expected());
            equal.put(f.facet().id(), f.equal());
        }
        root.put("patchDiff", c.patchDiff());
        ArrayNode metrics = root.putArray("metrics");
        for (MetricDiff m : c.metrics()) {
            ObjectNode n = metrics.addObject().put("key", m.key()).put("pointsA", m.pointsA()).put("pointsB", m.pointsB())
                    .put("commonSteps", m.commonSteps()).put("identical", m.identical());
            if (m.firstDivergenceStep() == null) {
                n.putNull("firstDivergenceStep");
            } else {
                n.put("firstDivergenceStep", m.firstDivergenceStep());
            }
            number(n, "maxAbsDiff", m.maxAbsDiff());
            if (m.maxAbsDiffStep() == null) {
                n.putNull("maxAbsDiffStep");
            } else {
                n.put("maxAbsDiffStep", m.maxAbsDiffStep());
            }
            number(n, "finalA", m.finalA());
            number(n, "finalB", m.finalB());
            n.put("endsEarly", m.endsEarly()).put("diverges", m.diverges()).put("system", m.system());
            if (m.spread() != null) {
                ObjectNode s = n.putObject("seedSpread").put("runs", m.spread().runs());
                number(s, "min", m.spread().min());
                number(s, "max", m.spread().max());
                s.put("insideSpread", m.spread().insideSpread());
            }
        }
        ObjectNode options = root.putObject("options");
        options.put("rtol", c.options().rtol()).put("atol", c.options().atol()).put("alignment", c.options().alignment().name());
        c.options().ignore().forEach(options.putArray("ignore")::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(ObjectNode n, StoredRun r) {
        n.put("id", r.id()).put("format", r.run().format()).put("nativeId", r.run().nativeId()).put("name", r.run().name())
                .put("experiment", r.run().experiment()).put("status", r.run().status().name()).put("source", r.run().source());
    }

    private static void entries(ArrayNode array, java.util.List<Difference> differences) {
        differences.forEach(d -> {
            ObjectNode n = array.addObject().put("key", d.key()).put("a", d.a()).put("b", d.b()).put("change", d.change().id());
            if (!d.note().isEmpty()) {
                n.put("note", d.note());
            }
        });
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.put(field, Numbers.format(v));
        }
    }
}
