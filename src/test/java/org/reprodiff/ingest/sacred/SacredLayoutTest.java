package org.reprodiff.ingest.sacred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sacred's naive UTC times and stored-file digests. */
class SacredLayoutTest {
    private static final long NONE = Long.MIN_VALUE;

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void readsNaiveUtcTimesToTheMillisecond() {
        assertEquals(ms("2024-02-08T23:02:17.744Z"), SacredLayout.epochMillis("2024-02-08T23:02:17.744847", NONE));
        assertEquals(ms("2024-02-08T23:02:17Z"), SacredLayout.epochMillis("2024-02-08T23:02:17", NONE));
        assertEquals(ms("2024-02-08T23:02:17.500Z"), SacredLayout.epochMillis("2024-02-08T23:02:17.5", NONE));
        assertEquals(ms("2024-02-29T00:00:00Z"), SacredLayout.epochMillis("2024-02-29T00:00:00.000999", NONE));
        assertEquals(ms("1969-12-31T23:59:59.250Z"), SacredLayout.epochMillis("1969-12-31T23:59:59.25", NONE));
    }

    @Test
    void otherShapesGoThroughTheIsoParserAndNonsenseIsNoTime() {
        assertEquals(ms("2024-02-08T22:02:17Z"), SacredLayout.epochMillis("2024-02-08T23:02:17+01:00", NONE));
        assertEquals(ms("2024-02-08T23:02:17Z"), SacredLayout.epochMillis("2024-02-08 23:02:17", NONE));
        assertEquals(NONE, SacredLayout.epochMillis("2023-02-29T00:00:00", NONE));
        assertEquals(NONE, SacredLayout.epochMillis("2024-02-08T23:02:1x", NONE));
        assertEquals(NONE, SacredLayout.epochMillis("2024-02-08T23:02:17.12a456", NONE));
        assertEquals(NONE, SacredLayout.epochMillis("yesterday", NONE));
        assertNull(SacredLayout.time("yesterday"));
    }

    @Test
    void digestComesFromTheStoredCopysNameOrIsTheEntryItself() {
        assertEquals("5fabc5730bdaa41255e5a12d1a20618a",
                SacredLayout.digest("_sources/01-model-size_5fabc5730bdaa41255e5a12d1a20618a.py"));
        assertEquals("9c245717ccc76eae8c24740276bb1775",
                SacredLayout.digest("runs/_resources/gaussian_data_9c245717ccc76eae8c24740276bb1775.pt"));
        assertEquals("0123456789abcdef0123456789abcdef", SacredLayout.digest("0123456789ABCDEF0123456789ABCDEF"));
        assertEquals("aaaabbbbccccddddeeeeffff00001111", SacredLayout.digest("_sources/Makefile_aaaabbbbccccddddeeeeffff00001111"));
        assertNull(SacredLayout.digest("_sources/train.py"));
        assertNull(SacredLayout.digest(null));
    }
}
