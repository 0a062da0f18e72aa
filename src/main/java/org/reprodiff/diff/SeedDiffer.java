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
 * {@code 42} equals {@code 42.0}), different, or recorded on one side only. A run that recorded no seed at all is
 * called out by the comparison's not-captured list, not here.
 */
final class SeedDiffer {
    FacetDiff compare(Run a, Run b) {
        Map<String, SeedRecord[]> pairs = new TreeMap<>();
        a.seeds().forEach(s -> pairs.computeIfAbsent(s.key(), k -> new SeedRecord[2])[0] = s);
        b.seeds().forEach(s -> pairs.computeIfAbsent(s.key(), k -> new SeedRecord[2])[1] = s);
        List<Difference> differences = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<String, SeedRecord[]> e : pairs.entrySet()) {
            SeedRecord sa = e.getValue()[0];
            SeedRecord sb = e.getValue()[1];
            if (sa != null && sb != null && ParamDiffer.equal(ParamValue.fromText(sa.value()), ParamValue.fromText(sb.value()), true)) {
                equal++;
            } else {
                Difference d = Difference.of(e.getKey(), sa == null ? null : sa.value(), sb == null ? null : sb.value());
                String origin = sa != null ? sa.origin() : sb.origin();
                differences.add(new Difference(d.key(), d.a(), d.b(), d.change(), "from " + origin));
            }
        }
        return new FacetDiff(Facet.SEEDS, differences, List.of(), equal);
    }
}
