package org.reprodiff.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the screen shows a point in time (local date and minute, empty when unknown) and a duration. */
public final class TimeText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    public static String of(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** A duration as "2h 05m", "4m 12s" or "3.4s"; null when it is unknown (negative included). */
    public static String duration(long millis) {
        if (millis < 0) {
            return null;
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return d.toHours() + "h " + String.format("%02dm", d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + String.format("%02ds", d.toSecondsPart());
        }
        return d.toSeconds() + "." + d.toMillisPart() / 100 + "s";
    }
}
