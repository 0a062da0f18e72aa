package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * Compares the seeds each run recorded (found at import by the shared seed finder), by key: equal (numerically:
 * {@code 42} equals {@code 42.0}) or different. A seed recorded on one side only is no evidence that the seeds
 * differ (the other run's seed is unknown): it is kept apart as an expected difference, and a run that recorded no
 * seed at all is called out by the comparison's not-captured list and suspects.
 */
final class SeedDiffer {
    FacetDiff compare(Run a, Run b) {
        Map<String, SeedRecord[]> pairs = new TreeMap<>();
        a.seeds().forEach(s -> pairs.computeIfAbsent(s.key(), k -> new SeedRecord[2])[0] = s);
        b.seeds().forEach(s -> pairs.computeIfAbsent(s.key(), k -> new SeedRecord[2])[1] = s);
        List<Difference> differences = new ArrayList<>();
        List<Difference> expected = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<String, SeedRecord[]> e : pairs.entrySet()) {
            SeedRecord sa = e.getValue()[0];
            SeedRecord sb = e.getValue()[1];
            if (sa != null && sb != null && ParamDiffer.equal(ParamValue.fromText(sa.value()), ParamValue.fromText(sb.value()), true)) {
                equal++;
            } else if (sa == null || sb == null) {
                Difference d = Difference.of(e.getKey(), sa == null ? null : sa.value(), sb == null ? null : sb.value());
                expected.add(new Difference(d.key(), d.a(), d.b(), d.change(), "recorded for " + (sa == null ? "B" : "A") + " only"));
            } else {
                differences.add(new Difference(e.getKey(), sa.value(), sb.value(), Change.CHANGED, "from " + sa.origin()));
            }
        }
        return new FacetDiff(Facet.SEEDS, differences, expected, equal);
    }
}
