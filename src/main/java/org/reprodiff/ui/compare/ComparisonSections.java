package org.reprodiff.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.EqualEntries;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.NotCaptured;
import org.reprodiff.model.Facet;
import org.reprodiff.model.Run;
import org.reprodiff.report.ComparedRuns;

/**
 * Turns a comparison into the compare view's facet sections, in tab order (parameters, seeds, code, data,
 * environment, packages), each with its equal entries and its not-captured notice. The code tab speaks for the
 * code and code-state facets, the environment tab for the environment and hardware facets.
 */
final class ComparisonSections {
    private ComparisonSections() {
    }

    static List<FacetSection> of(ComparedRuns compared) {
        Comparison c = compared.comparison();
        Run a = compared.a().run();
        Run b = compared.b().run();
        List<FacetSection> out = new ArrayList<>();
        out.add(section(c.params(), "Parameters", "parameter", "parameters", EqualEntries.params(a, b, c.params()),
                c, Set.of(Facet.PARAMS)));
        out.add(section(c.seeds(), "Seeds", "seed", "seeds", EqualEntries.seeds(a, b, c.seeds()), c, Set.of(Facet.SEEDS)));
        out.add(section(c.code(), "Code", "code fact", "code facts", EqualEntries.code(a, b, c.code()), c,
                Set.of(Facet.CODE, Facet.CODE_STATE)));
        out.add(section(c.data(), "Data", "dataset", "datasets", EqualEntries.data(a, b, c.data()), c, Set.of(Facet.DATA)));
        out.add(section(c.environment(), "Environment", "environment fact", "environment facts",
                EqualEntries.environment(a, b, c.environment()), c, Set.of(Facet.ENVIRONMENT, Facet.HARDWARE)));
        out.add(section(c.packages(), "Packages", "package", "packages", EqualEntries.packages(a, b, c.packages()),
                c, Set.of(Facet.PACKAGES)));
        return out;
    }

    private static FacetSection section(FacetDiff diff, String title, String singular, String plural,
                                        List<EqualEntries.Entry> equal, Comparison c, Set<Facet> facets) {
        List<FacetRow> differences = diff.differences().stream().map(d -> FacetRow.of(d, false)).toList();
        List<FacetRow> expected = diff.expected().stream().map(d -> FacetRow.of(d, true)).toList();
        List<FacetRow> equalRows = equal.stream().map(e -> FacetRow.equal(e.key(), e.a(), e.b())).toList();
        return new FacetSection(diff.facet().id(), title, singular, plural, differences, expected, equalRows,
                diff.equal(), notice(c.notCaptured(), facets));
    }

    /**
     * The notice for the facets a tab speaks for, e.g. "Run B did not capture packages. A difference here cannot
     * be ruled out."; null when both runs captured them all.
     */
    static String notice(List<NotCaptured> notCaptured, Set<Facet> facets) {
        List<String> parts = new ArrayList<>();
        for (NotCaptured n : notCaptured) {
            if (facets.contains(n.facet())) {
                String what = n.facet() == Facet.CODE_STATE ? "the code state (dirty flag, uncommitted patch)" : name(n.facet());
                parts.add("both".equals(n.side()) ? "Neither run captured " + what : "Run " + n.side() + " did not capture " + what);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return String.join("; ", parts) + ". A difference here cannot be ruled out.";
    }

    /** How a facet is named in sentences. */
    static String name(Facet f) {
        return switch (f) {
            case PARAMS -> "parameters";
            case CODE_STATE -> "code state";
            default -> f.id();
        };
    }
}
