package org.reprodiff.ui.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ui.common.NumberText;
import org.reprodiff.model.RunSummary;

/**
 * What the twin-group column says about each group: its size and, when a metric is chosen and at least two of
 * its runs have a finite final value of it, the spread of that metric as ± half the range of those values
 * ({@code "3 runs, val/loss ±0.004"}). Groups with one run say nothing (a group of one is no group).
 */
public final class TwinSpread {
    private TwinSpread() {
    }

    public static Map<String, String> texts(List<RunSummary> runs, String metric, Map<Long, Map<String, Double>> finals) {
        Map<String, List<RunSummary>> groups = new HashMap<>();
        for (RunSummary r : runs) {
            if (r.twinGroup() != null) {
                groups.computeIfAbsent(r.twinGroup(), g -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> texts = new HashMap<>();
        groups.forEach((group, members) -> {
            if (members.size() < 2) {
                return;
            }
            String text = members.size() + " runs";
            if (metric != null) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int n = 0;
                for (RunSummary r : members) {
                    Double v = finals.getOrDefault(r.id(), Map.of()).get(metric);
                    if (v != null && Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        n++;
                    }
                }
                if (n >= 2) {
                    text += ", " + metric + " ±" + NumberText.of((max - min) / 2);
                }
            }
            texts.put(group, text);
        });
        return texts;
    }
}
