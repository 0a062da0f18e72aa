package org.reprodiff.diff;

/**
 * A likely cause of different results: an input difference with its facet, key, the two values, a one-line
 * summary of the evidence, and the weight it was ranked by (see {@link CauseRanker}).
 */
public record Cause(String facet, String key, String a, String b, String summary, int weight) {
}
