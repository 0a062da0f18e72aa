package org.reprodiff.diff;

/**
 * The spread of one metric's final value over the runs of A's twin group (runs that differ only in seed and
 * expected differences): {@code runs} values from {@code min} to {@code max}. The rule: the A–B difference is
 * inside the seed noise when {@code |finalA − finalB| ≤ max − min}.
 */
public record SeedSpread(int runs, double min, double max, boolean insideSpread) {
}
