package org.reprodiff.model;

/**
 * Progress callback for long work. Core code calls it between units of work and checks
 * {@link Thread#interrupted()} there: interruption is cancellation.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, what) -> { };

    /** {@code done} of {@code total} units (total may be -1 when unknown); {@code what} names the current item. */
    void update(long done, long total, String what);
}
