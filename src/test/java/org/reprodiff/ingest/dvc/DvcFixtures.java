package org.reprodiff.ingest.dvc;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.Run;

/** Finds the hand-made fixtures in {@code src/test/resources/fixtures/dvc/} and renders run facets for assertions. */
final class DvcFixtures {
    private DvcFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(DvcFixtures.class.getResource("/fixtures/dvc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameter key → raw text. */
    static Map<String, String> params(Run run) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : run.params()) {
            out.put(p.key(), p.value().raw());
        }
        return out;
    }

    static List<Double> values(MetricSeries s) {
        List<Double> out = new ArrayList<>();
        for (double v : s.values()) {
            out.add(v);
        }
        return out;
    }

    static List<Long> steps(MetricSeries s) {
        List<Long> out = new ArrayList<>();
        for (long v : s.steps()) {
            out.add(v);
        }
        return out;
    }

    /** A path relative to {@code root}, with {@code /}; "." for the root itself. */
    static String slashed(Path root, Path p) {
        List<String> parts = new ArrayList<>();
        root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).forEach(x -> parts.add(x.toString()));
        String s = String.join("/", parts);
        return s.isEmpty() ? "." : s;
    }
}
