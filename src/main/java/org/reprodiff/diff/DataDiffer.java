package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;

/** Compares dataset references by name: same digest, changed digest, or used on one side only. */
final class DataDiffer {
    FacetDiff compare(List<DataRef> a, List<DataRef> b) {
        Map<String, DataRef[]> pairs = new TreeMap<>();
        a.forEach(d -> pairs.computeIfAbsent(d.name(), k -> new DataRef[2])[0] = d);
        b.forEach(d -> pairs.computeIfAbsent(d.name(), k -> new DataRef[2])[1] = d);
        List<Difference> differences = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<String, DataRef[]> e : pairs.entrySet()) {
            DataRef da = e.getValue()[0];
            DataRef db = e.getValue()[1];
            if (da != null && db != null && Objects.equals(da.digest(), db.digest())) {
                equal++;
            } else {
                differences.add(Difference.of(e.getKey(), da == null ? null : digest(da), db == null ? null : digest(db)));
            }
        }
        return new FacetDiff(Facet.DATA, differences, List.of(), equal);
    }

    private static String digest(DataRef d) {
        return d.digest() == null ? "(no digest)" : d.digest();
    }
}
