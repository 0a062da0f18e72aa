package org.reprodiff.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the screen shows a point in time: local date and minute, empty when unknown. */
public final class TimeText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    public static String of(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }
}
