package org.reprodiff.ingest.wandb;

/**
 * Assigns each history row its step exactly as W&B's {@code HistoryStepTracker} does
 * ({@code core/internal/stream/historystep.go}), so that logs written before and after wandb PR #12110 give the
 * same axis: before it, rows carry the step twice ({@code HistoryRecord.step} and a {@code _step} item); after
 * it, auto-stepped rows carry neither and the step is assigned downstream.
 *
 * <p>Rules: the counter starts at the run record's {@code starting_step}. A {@code _step} item that parses as an
 * integer wins; one behind the counter is renumbered up to it. Otherwise the record's {@code step} is used; one
 * behind the counter drops the row. Otherwise the row gets the counter. The counter then moves past the step.
 * In shared mode (several writers) steps are taken as given and nothing is renumbered or dropped.
 */
final class WandbStepTracker {
    /** Returned by {@link #assign} for a row W&B would drop. */
    static final long DROPPED = Long.MIN_VALUE;

    private long startingStep;
    private boolean shared;
    private long next;
    private boolean started;
    private long renumberedFrom = DROPPED;

    /** From the run record; only rows read after it use it, as in W&B. */
    void startingStep(long step) {
        if (!started) {
            startingStep = step;
        }
    }

    void sharedMode() {
        shared = true;
    }

    /** The step a row would get from the counter now. */
    long next() {
        return started ? next : startingStep;
    }

    /** The {@code _step} the last {@link #assign} renumbered, or {@link #DROPPED} when it did not renumber. */
    long renumberedFrom() {
        return renumberedFrom;
    }

    /** The step of a row with the given step item and record step (each used only when its flag is set). */
    long assign(boolean hasStepItem, long stepItem, boolean hasRecordStep, long recordStep) {
        if (!started) {
            started = true;
            next = startingStep;
        }
        renumberedFrom = DROPPED;
        long step;
        if (hasStepItem) {
            step = stepItem;
            if (step < next && !shared) {
                renumberedFrom = step;
                step = next;
            }
        } else if (hasRecordStep) {
            step = recordStep;
            if (step < next && !shared) {
                return DROPPED;
            }
        } else {
            step = next;
        }
        if (step >= next) {
            next = step + 1;
        }
        return step;
    }
}
