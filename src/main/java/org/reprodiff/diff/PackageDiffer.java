package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reprodiff.model.Facet;
import org.reprodiff.model.PackageRef;

/**
 * Compares the installed packages of two runs.
 *
 * <p>Each side is first collapsed to one entry per (normalised) name, since a name can come from several files:
 * an exact version beats a constraint-only entry, which beats a bare name; among exact versions pip beats conda;
 * otherwise the first in list order wins, and when a side lists different exact versions of one name the note
 * says which were seen and which was used. Then: a name only in B is {@link Change#ADDED}, only in A
 * {@link Change#REMOVED}; two exact versions are classified by {@link PackageVersion#classify}; anything
 * involving a constraint-only or unversioned entry compares the text (whitespace aside) and is
 * {@link Change#CHANGED} when it differs. {@link Difference#a()}/{@link Difference#b()} hold the version or
 * constraint text as recorded ({@code ""} for a name listed without either).
 *
 * <p>Differences come framework packages first (see {@link #isFramework}), then the rest, each group by name.
 * One hash map per side: linear in the number of packages apart from sorting the differences.
 */
public final class PackageDiffer {

    private static final Set<String> FRAMEWORKS = Set.of(
            "torch", "torchvision", "torchaudio", "pytorch", "pytorch-cuda", "pytorch-lightning", "lightning",
            "tensorflow", "tensorflow-gpu", "tensorflow-cpu", "tensorflow-macos", "keras", "jax", "jaxlib",
            "numpy", "scipy", "scikit-learn", "transformers", "xgboost", "lightgbm", "onnxruntime",
            "onnxruntime-gpu", "cupy", "cudnn", "cudatoolkit", "mkl");
    private static final List<String> FRAMEWORK_PREFIXES = List.of("nvidia-", "cuda-", "cupy-");

    private static final Comparator<Difference> BY_KEY = Comparator.comparing(Difference::key);

    /**
     * Whether a package (by its PEP 503 normalised name) is a framework, a numeric library or part of the
     * CUDA stack: the packages most likely to change results, listed first.
     */
    public static boolean isFramework(String normalisedName) {
        if (FRAMEWORKS.contains(normalisedName)) {
            return true;
        }
        for (String prefix : FRAMEWORK_PREFIXES) {
            if (normalisedName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public FacetDiff compare(List<PackageRef> a, List<PackageRef> b) {
        Map<String, Candidates> left = collapse(a);
        Map<String, Candidates> right = collapse(b);
        List<Difference> frameworks = new ArrayList<>();
        List<Difference> others = new ArrayList<>();
        int equal = 0;
        for (Candidates ca : left.values()) {
            Entry x = ca.toEntry("A");
            Candidates cb = right.get(x.name());
            Difference d = cb == null
                    ? new Difference(x.name(), x.text(), null, Change.REMOVED, notes(x, "", x, null))
                    : compareEntries(x, cb.toEntry("B"));
            if (d == null) {
                equal++;
            } else {
                (x.framework() ? frameworks : others).add(d);
            }
        }
        for (Candidates cb : right.values()) {
            if (!left.containsKey(cb.best.name())) {
                Entry y = cb.toEntry("B");
                Difference d = new Difference(y.name(), null, y.text(), Change.ADDED, notes(y, "", null, y));
                (y.framework() ? frameworks : others).add(d);
            }
        }
        frameworks.sort(BY_KEY);
        others.sort(BY_KEY);
        frameworks.addAll(others);
        return new FacetDiff(Facet.PACKAGES, frameworks, List.of(), equal);
    }

    /** The difference between two entries of one name, or null when they are equal. */
    private static Difference compareEntries(Entry x, Entry y) {
        if (x.exact() && y.exact()) {
            Optional<PackageVersion.VersionChange> change = PackageVersion.classify(x.text(), y.text());
            return change.map(c -> new Difference(x.name(), x.text(), y.text(), c.change(),
                    notes(x, c.note(), x, y))).orElse(null);
        }
        if (withoutWhitespace(x.text()).equals(withoutWhitespace(y.text()))) {
            return null;
        }
        List<String> evidence = new ArrayList<>(2);
        evidence.add(describeKind(x, "A"));
        evidence.add(describeKind(y, "B"));
        evidence.removeIf(String::isEmpty);
        return new Difference(x.name(), x.text(), y.text(), Change.CHANGED,
                notes(x, String.join("; ", evidence), x, y));
    }

    private static String describeKind(Entry e, String side) {
        if (e.exact()) {
            return "";
        }
        return e.text().isEmpty() ? side + " lists no version" : side + " records only a constraint";
    }

    private static String notes(Entry entry, String evidence, Entry x, Entry y) {
        List<String> parts = new ArrayList<>(4);
        if (entry.framework()) {
            parts.add("framework");
        }
        if (!evidence.isEmpty()) {
            parts.add(evidence);
        }
        if (x != null && x.duplicates() != null) {
            parts.add(x.duplicates());
        }
        if (y != null && y.duplicates() != null) {
            parts.add(y.duplicates());
        }
        return String.join("; ", parts);
    }

    /** The entries of one side grouped by name; {@link Candidates#toEntry} applies the rules in the class comment. */
    private static Map<String, Candidates> collapse(List<PackageRef> refs) {
        Map<String, Candidates> byName = new HashMap<>(Math.max(16, refs.size() * 2));
        for (PackageRef ref : refs) {
            Candidates c = byName.get(ref.name());
            if (c == null) {
                byName.put(ref.name(), new Candidates(ref));
            } else {
                c.offer(ref);
            }
        }
        return byName;
    }

    private static int rank(PackageRef ref) {
        if (version(ref) != null) {
            return "pip".equalsIgnoreCase(ref.manager()) ? 0 : 1;
        }
        return constraint(ref) != null ? 2 : 3;
    }

    private static String version(PackageRef ref) {
        return blankToNull(ref.version());
    }

    private static String constraint(PackageRef ref) {
        return blankToNull(ref.constraint());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String withoutWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The entries one side lists under one name; only allocates a list when a second exact version appears. */
    private static final class Candidates {
        PackageRef best;
        int bestRank;
        List<PackageRef> exact;

        Candidates(PackageRef first) {
            best = first;
            bestRank = rank(first);
            if (bestRank <= 1) {
                exact = new ArrayList<>(1);
                exact.add(first);
            }
        }

        void offer(PackageRef ref) {
            int r = rank(ref);
            if (r <= 1) {
                if (exact == null) {
                    exact = new ArrayList<>(2);
                }
                exact.add(ref);
            }
            if (r < bestRank) {
                best = ref;
                bestRank = r;
            }
        }

        Entry toEntry(String side) {
            String v = version(best);
            String text = v != null ? v : constraint(best) != null ? constraint(best) : "";
            return new Entry(best.name(), text, v != null, isFramework(best.name()), conflict(side, v));
        }

        /** The note when this side lists different exact versions of the name, else null. */
        private String conflict(String side, String used) {
            if (exact == null || exact.size() < 2) {
                return null;
            }
            boolean differ = false;
            for (PackageRef ref : exact) {
                if (PackageVersion.classify(used, version(ref)).isPresent()) {
                    differ = true;
                    break;
                }
            }
            if (!differ) {
                return null;
            }
            List<String> seen = new ArrayList<>(exact.size());
            for (PackageRef ref : exact) {
                seen.add(version(ref) + " (" + ref.manager() + ", " + ref.origin() + ")");
            }
            return side + " lists several versions: " + String.join(", ", seen) + "; used " + used;
        }
    }

    /** The one entry a side keeps for a name: its version or constraint text and whether that is exact. */
    private record Entry(String name, String text, boolean exact, boolean framework, String duplicates) {
    }
}
