package org.reprodiff.diff;

import org.reprodiff.model.Facet;

/** A facet that run A, run B or both did not capture; {@code side} is {@code A}, {@code B} or {@code both}. */
public record NotCaptured(Facet facet, String side) {
}
