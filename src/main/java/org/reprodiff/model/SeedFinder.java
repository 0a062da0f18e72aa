package org.reprodiff.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place seeds are found. Every run passes through it when it is built ({@link Run.Builder#build()}),
 * so {@code show} lists the same seeds the diff compares. A parameter is a seed when the last segment of its
 * dotted key is {@code seed}, {@code random_seed}, {@code random_state}, {@code seed_everything},
 * {@code manual_seed} or ends in {@code _seed}/{@code Seed}, and its value is a number, a numeric string, or
 * null/None (an unset seed is recorded too, and compared). Seeds an importer found in tool-specific places
 * come first and are kept; a parameter seed with the same key as one of those is not repeated.
 */
public final class SeedFinder {
    private static final List<String> NAMES =
            List.of("seed", "random_seed", "random_state", "seed_everything", "manual_seed", "randomseed", "rng_seed");

    private SeedFinder() {
    }

    public static boolean isSeedKey(String dottedKey) {
        int dot = dottedKey.lastIndexOf('.');
        String last = dottedKey.substring(dot + 1);
        String lower = last.toLowerCase(Locale.ROOT);
        if (!lower.contains("seed") && !lower.equals("random_state")) {
            return false;
        }
        return NAMES.contains(lower) || lower.endsWith("_seed") || last.endsWith("Seed");
    }

    public static List<SeedRecord> find(List<Param> params, List<SeedRecord> toolSeeds) {
        Map<String, SeedRecord> seeds = new LinkedHashMap<>();
        for (SeedRecord s : toolSeeds) {
            seeds.putIfAbsent(s.key(), s);
        }
        for (Param p : params) {
            if (isSeedKey(p.key()) && looksLikeSeed(p.value())) {
                seeds.putIfAbsent(p.key(), new SeedRecord(p.key(), p.value().raw(), "param"));
            }
        }
        return new ArrayList<>(seeds.values());
    }

    private static boolean looksLikeSeed(ParamValue v) {
        return v.type() == ParamValue.Type.NUMBER || v.type() == ParamValue.Type.NULL;
    }
}
