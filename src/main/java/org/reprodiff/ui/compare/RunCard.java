package org.reprodiff.ui.compare;

import java.time.Instant;
import org.reprodiff.model.Run;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.ui.common.TimeText;

/**
 * One run as the compare view's header shows it: side ({@code A} or {@code B}), name, format, source path,
 * status (with deleted and truncated flags), start time and duration, all as display text ({@code ""} when
 * unknown, except the duration, which says "running" or "—").
 */
public record RunCard(String side, String name, String format, String source, String status, String started,
                      String duration) {

    public static RunCard of(String side, StoredRun stored) {
        Run r = stored.run();
        String status = r.status().name() + (r.deleted() ? " · deleted" : "") + (r.truncated() ? " · truncated" : "");
        return new RunCard(side, ComparedRuns.label(stored), r.format(), r.source(), status,
                TimeText.of(r.startTime()), duration(r.startTime(), r.endTime()));
    }

    /** A duration as {@link TimeText#duration} gives it; "—" when either end is unknown. */
    static String duration(Instant start, Instant end) {
        String text = start == null || end == null ? null : TimeText.duration(end.toEpochMilli() - start.toEpochMilli());
        return text == null ? "—" : text;
    }
}
