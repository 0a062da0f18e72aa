package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Param;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * The entries of one facet that a {@link FacetDiff} counts as equal, listed with each side's text, for a screen
 * that shows every row and not only the differences. An entry is listed when both runs recorded its key and the
 * key is neither a difference nor an expected difference of the facet diff (so the complement follows the
 * differ's own verdict; for a list parameter whose elements differ the whole list is left out, its elements
 * being listed as differences). Keys are formed as the differs form them and come sorted. Pure: no IO.
 */
public final class EqualEntries {
    /** One equal entry: its key and the text each run recorded (which may differ in form, e.g. 0.001 and 1e-3). */
    public record Entry(String key, String a, String b) {
    }

    private EqualEntries() {
    }

    /** The equal parameters (seed parameters are the seeds facet's). */
    public static List<Entry> params(Run a, Run b, FacetDiff diff) {
        Set<String> seedKeys = new HashSet<>();
        a.seeds().forEach(s -> seedKeys.add(s.key()));
        b.seeds().forEach(s -> seedKeys.add(s.key()));
        Map<String, String> ma = new LinkedHashMap<>();
        Map<String, String> mb = new LinkedHashMap<>();
        for (Param p : a.params()) {
            if (!seedKeys.contains(p.key())) {
                ma.put(p.key(), p.value().raw());
            }
        }
        for (Param p : b.params()) {
            mb.put(p.key(), p.value().raw());
        }
        return complement(ma, mb, diff);
    }

    public static List<Entry> seeds(Run a, Run b, FacetDiff diff) {
        Map<String, String> ma = new LinkedHashMap<>();
        Map<String, String> mb = new LinkedHashMap<>();
        a.seeds().forEach((SeedRecord s) -> ma.putIfAbsent(s.key(), s.value()));
        b.seeds().forEach((SeedRecord s) -> mb.putIfAbsent(s.key(), s.value()));
        return complement(ma, mb, diff);
    }

    /** The equal code facts: remote, commit, branch, dirty, program, args, source digests and the patch. */
    public static List<Entry> code(Run a, Run b, FacetDiff diff) {
        return complement(codeFacts(a.code()), codeFacts(b.code()), diff);
    }

    public static List<Entry> data(Run a, Run b, FacetDiff diff) {
        Map<String, String> ma = new LinkedHashMap<>();
        Map<String, String> mb = new LinkedHashMap<>();
        a.data().forEach((DataRef d) -> ma.putIfAbsent(d.name(), d.digest() == null ? "(no digest)" : d.digest()));
        b.data().forEach((DataRef d) -> mb.putIfAbsent(d.name(), d.digest() == null ? "(no digest)" : d.digest()));
        return complement(ma, mb, diff);
    }

    public static List<Entry> environment(Run a, Run b, FacetDiff diff) {
        return complement(a.environment(), b.environment(), diff);
    }

    /** The equal packages by normalised name, each side's exact version (else its constraint) as text. */
    public static List<Entry> packages(Run a, Run b, FacetDiff diff) {
        return complement(versions(a.packages()), versions(b.packages()), diff);
    }

    private static Map<String, String> versions(List<PackageRef> refs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PackageRef r : refs) {
            String text = r.version() != null && !r.version().isBlank() ? r.version().strip()
                    : r.constraint() != null && !r.constraint().isBlank() ? r.constraint().strip() : "";
            String seen = out.get(r.name());
            if (seen == null || seen.isEmpty() && !text.isEmpty()) {
                out.put(r.name(), text);
            }
        }
        return out;
    }

    private static Map<String, String> codeFacts(CodeState c) {
        Map<String, String> out = new LinkedHashMap<>();
        putIfSet(out, "remote", c.remote());
        putIfSet(out, "commit", c.commit());
        putIfSet(out, "branch", c.branch());
        putIfSet(out, "dirty", c.dirty() == null ? null : c.dirty().toString());
        putIfSet(out, "program", c.program());
        putIfSet(out, "args", c.args().isEmpty() ? null : String.join(" ", c.args()));
        c.sourceDigests().forEach((file, digest) -> putIfSet(out, "source:" + file, digest));
        if (c.patch() != null) {
            long lines = c.patch().lines().count();
            out.put("patch", "patch, " + lines + (lines == 1 ? " line" : " lines"));
        }
        return out;
    }

    private static void putIfSet(Map<String, String> facts, String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private static List<Entry> complement(Map<String, String> a, Map<String, String> b, FacetDiff diff) {
        Set<String> listed = new HashSet<>();
        List<String> listPrefixes = new ArrayList<>();
        for (List<Difference> group : List.of(diff.differences(), diff.expected())) {
            for (Difference d : group) {
                listed.add(d.key());
                int bracket = d.key().indexOf('[');
                if (bracket > 0) {
                    listPrefixes.add(d.key().substring(0, bracket));
                }
            }
        }
        TreeMap<String, Entry> out = new TreeMap<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String key = e.getKey();
            String vb = b.get(key);
            if (vb != null && !listed.contains(key) && !listPrefixes.contains(key)) {
                out.put(key, new Entry(key, e.getValue(), vb));
            }
        }
        return List.copyOf(out.values());
    }
}
