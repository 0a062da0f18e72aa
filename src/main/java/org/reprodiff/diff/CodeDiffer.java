package org.reprodiff.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.Facet;

/**
 * Compares what the runs recorded of their code: remote, commit, branch, dirty flag, program, arguments, source
 * digests and the uncommitted patch. A fact recorded on one side only is not evidence of a change; it is kept
 * apart as an expected difference ("recorded for A only"). When both runs carry a patch, their difference is a
 * unified diff (java-diff-utils).
 */
final class CodeDiffer {
    /** The facet diff and, when both patches exist and differ, the unified diff between them (else null). */
    record Result(FacetDiff facet, String patchDiff) {
    }

    Result compare(CodeState a, CodeState b) {
        Map<String, String[]> facts = new TreeMap<>();
        put(facts, "remote", a.remote(), b.remote());
        put(facts, "commit", a.commit(), b.commit());
        put(facts, "branch", a.branch(), b.branch());
        put(facts, "dirty", a.dirty() == null ? null : a.dirty().toString(), b.dirty() == null ? null : b.dirty().toString());
        put(facts, "program", a.program(), b.program());
        put(facts, "args", a.args().isEmpty() ? null : String.join(" ", a.args()), b.args().isEmpty() ? null : String.join(" ", b.args()));
        for (String file : union(a.sourceDigests(), b.sourceDigests())) {
            put(facts, "source:" + file, a.sourceDigests().get(file), b.sourceDigests().get(file));
        }
        put(facts, "patch", summary(a.patch()), summary(b.patch()));
        List<Difference> differences = new ArrayList<>();
        List<Difference> expected = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<String, String[]> e : facts.entrySet()) {
            String va = e.getValue()[0];
            String vb = e.getValue()[1];
            boolean samePatch = e.getKey().equals("patch") && Objects.equals(a.patch(), b.patch());
            if (Objects.equals(va, vb) || samePatch) {
                equal++;
            } else if (va == null || vb == null) {
                expected.add(new Difference(e.getKey(), va, vb, va == null ? Change.ADDED : Change.REMOVED,
                        "recorded for " + (va == null ? "B" : "A") + " only"));
            } else {
                differences.add(Difference.of(e.getKey(), va, vb));
            }
        }
        String patchDiff = a.patch() != null && b.patch() != null && !a.patch().equals(b.patch()) ? unified(a.patch(), b.patch()) : null;
        return new Result(new FacetDiff(Facet.CODE, differences, expected, equal), patchDiff);
    }

    private static void put(Map<String, String[]> facts, String key, String a, String b) {
        if (a != null || b != null) {
            facts.put(key, new String[] {a, b});
        }
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    private static String summary(String patch) {
        if (patch == null) {
            return null;
        }
        long lines = patch.lines().count();
        return "patch, " + lines + (lines == 1 ? " line" : " lines") + ", " + Integer.toHexString(patch.hashCode());
    }

    private static String unified(String a, String b) {
        List<String> la = a.lines().toList();
        List<String> lb = b.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("A/patch", "B/patch", la, DiffUtils.diff(la, lb), 3));
    }
}
