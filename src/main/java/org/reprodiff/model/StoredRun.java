package org.reprodiff.model;

/** A run as the store holds it: its store id (stable across re-imports) and the run. */
public record StoredRun(long id, Run run) {
}
