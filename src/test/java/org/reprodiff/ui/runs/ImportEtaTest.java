package org.reprodiff.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportEtaTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void saysNothingBeforeTheFirstUnitIsDone() {
        assertEquals("", ImportEta.text(0, 100, 5 * SECOND));
    }

    @Test
    void saysNothingWhenTheTotalIsUnknownOrReached() {
        assertEquals("", ImportEta.text(5, -1, 5 * SECOND));
        assertEquals("", ImportEta.text(100, 100, 5 * SECOND));
    }

    @Test
    void extrapolatesTheRateSoFar() {
        // 10 of 100 in 4 s: 90 more at 0.4 s each = 36 s
        assertEquals("about 36 s left", ImportEta.text(10, 100, 4 * SECOND));
    }

    @Test
    void roundsPartSecondsUp() {
        // 3 of 4 in 3.3 s: 1.1 s left
        assertEquals("about 2 s left", ImportEta.text(3, 4, 3_300_000_000L));
    }

    @Test
    void underASecondSaysSo() {
        // 99 of 100 in 9.9 s: 0.1 s left
        assertEquals("less than a second left", ImportEta.text(99, 100, 9_900_000_000L));
    }

    @Test
    void minutesToTheNearestMinute() {
        // 1 of 11 in 20 s: 200 s left = 3.33 min
        assertEquals("about 3 min left", ImportEta.text(1, 11, 20 * SECOND));
    }

    @Test
    void hoursAndMinutes() {
        // 1 of 100 in 40 s: 3960 s = 66 min
        assertEquals("about 1 h 06 min left", ImportEta.text(1, 100, 40 * SECOND));
    }
}
