package org.reprodiff.diff;

import java.util.List;
import org.reprodiff.model.Facet;

/**
 * The comparison of one facet: the entries that differ, the expected differences kept apart (each with its
 * reason in {@link Difference#note()}), and how many entries are equal.
 */
public record FacetDiff(Facet facet, List<Difference> differences, List<Difference> expected, int equal) {
    public FacetDiff {
        differences = List.copyOf(differences);
        expected = List.copyOf(expected);
    }

    public boolean differs() {
        return !differences.isEmpty();
    }
}
