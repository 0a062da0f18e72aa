package org.reprodiff.ui.runs;

import java.util.Map;
import java.util.Optional;

/**
 * Which metric the runs table shows when the user has chosen none: the validation metric most runs logged
 * (a key with {@code val}), else the most common metric that is not a tracker's own system metric. Ties go to
 * the key first in name order.
 */
final class MetricChoice {
    private MetricChoice() {
    }

    static Optional<String> defaultMetric(Map<String, Integer> runsPerKey) {
        Optional<String> validation = best(runsPerKey, k -> k.toLowerCase(java.util.Locale.ROOT).contains("val"));
        return validation.isPresent() ? validation : best(runsPerKey, k -> !isSystem(k));
    }

    static boolean isSystem(String key) {
        return key.startsWith("system/") || key.startsWith("_") || key.equals("epoch") || key.equals("step");
    }

    private static Optional<String> best(Map<String, Integer> runsPerKey, java.util.function.Predicate<String> wanted) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(runsPerKey).entrySet()) {
            if (wanted.test(e.getKey()) && !isSystem(e.getKey()) && e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
