package org.reprodiff.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void parsesPythonJsonAndTrackerSpellings() {
        assertTrue(Double.isNaN(Numbers.parse("NaN")));
        assertTrue(Double.isNaN(Numbers.parse("nan")));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.parse("inf"));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.parse("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, Numbers.parse("-inf"));
        assertEquals(1e-05, Numbers.parse("1e-05"));
        assertEquals(234.7978057861328, Numbers.parse("234.7978057861328"));
        assertEquals(1000, Numbers.parse("1_000"));
    }

    @Test
    void rejectsWhatIsNoNumber() {
        assertNull(Numbers.parseStrict("abc"));
        assertNull(Numbers.parseStrict("1.0f"));
        assertNull(Numbers.parseStrict("--1"));
        assertThrows(NumberFormatException.class, () -> Numbers.parse("x1"));
    }

    @Test
    void formatsForTheJsonContract() {
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
        assertEquals("3", Numbers.format(3.0));
        assertEquals("0.25", Numbers.format(0.25));
        assertEquals("-0.0", Numbers.format(-0.0));
    }
}
