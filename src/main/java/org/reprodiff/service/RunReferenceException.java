package org.reprodiff.service;

import java.util.List;
import org.reprodiff.model.RunSummary;

/** A run reference that matches no run, or several (listed in {@link #candidates()}). */
public final class RunReferenceException extends Exception {
    private final transient List<RunSummary> candidates;

    public RunReferenceException(String message, List<RunSummary> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<RunSummary> candidates() {
        return candidates;
    }
}
