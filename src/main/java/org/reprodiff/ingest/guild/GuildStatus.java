package org.reprodiff.ingest.guild;

import java.nio.file.Files;
import java.nio.file.Path;
import org.reprodiff.model.RunStatus;

/**
 * A run's status decided as Guild decides it (FORMATS.md 8; Guild's own {@code run-status} test over the
 * {@code filter-runs} samples lists a run with a {@code PENDING} marker as pending and one with {@code STAGED}
 * as staged although both recorded exit status 1): the markers in {@code .guild/} come first —
 * {@code LOCK.remote} running, {@code PENDING} pending, {@code STAGED} staged — then {@code exit_status}: 0
 * completed, below 0 terminated (-16 when Guild stopped it), above 0 error; an {@code exit_status} file that holds no whole
 * number (cut short, damaged), or a run folder with no {@code attrs/} at all (only an {@code opref}), leaves
 * the status unknown. Without an exit status a
 * {@code LOCK} file means running (whether its process is still alive cannot be told from another machine);
 * otherwise the run is an error, as Guild shows a run that ended without recording how.
 *
 * @param word   Guild's own word for the status ({@code completed}, {@code staged}, …)
 * @param status the status it maps to
 */
record GuildStatus(String word, RunStatus status) {

    /** {@code exitStatusUnreadable}: the attribute exists but holds no whole number; then the status is unknown. */
    static GuildStatus of(Path run, Long exitStatus, boolean exitStatusUnreadable) {
        if (GuildLayout.marker(run, GuildLayout.LOCK_REMOTE)) {
            return new GuildStatus("running", RunStatus.RUNNING);
        }
        if (GuildLayout.marker(run, GuildLayout.PENDING)) {
            return new GuildStatus("pending", RunStatus.SCHEDULED);
        }
        if (GuildLayout.marker(run, GuildLayout.STAGED)) {
            return new GuildStatus("staged", RunStatus.SCHEDULED);
        }
        if (exitStatusUnreadable || !Files.isDirectory(run.resolve(GuildLayout.META_DIR).resolve(GuildLayout.ATTRS))) {
            return new GuildStatus("unknown", RunStatus.UNKNOWN);
        }
        if (exitStatus != null) {
            if (exitStatus == 0) {
                return new GuildStatus("completed", RunStatus.FINISHED);
            }
            return exitStatus < 0 ? new GuildStatus("terminated", RunStatus.KILLED)
                    : new GuildStatus("error", RunStatus.FAILED);
        }
        if (GuildLayout.marker(run, GuildLayout.LOCK)) {
            return new GuildStatus("running", RunStatus.RUNNING);
        }
        return new GuildStatus("error", RunStatus.FAILED);
    }
}
