package org.reprodiff.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings worked out by hand from Python's repr rules (shortest round-trip, 1e-4 and 1e16 switches). */
class PythonFloatFormatTest {

    @Test
    void writesShortDecimalsInFixedNotation() {
        assertEquals("0.1", PythonFloatFormat.repr(0.1));
        assertEquals("0.5", PythonFloatFormat.repr(0.5));
        assertEquals("3.0", PythonFloatFormat.repr(3.0));
        assertEquals("123456789.0", PythonFloatFormat.repr(123456789.0));
        assertEquals("0.0001", PythonFloatFormat.repr(0.0001));
        assertEquals("-2.5", PythonFloatFormat.repr(-2.5));
    }

    @Test
    void switchesToExponentBelowOneTenThousandthAndFromTenToTheSixteenth() {
        assertEquals("1e-05", PythonFloatFormat.repr(1e-05));
        assertEquals("1.5e-05", PythonFloatFormat.repr(1.5e-05));
        assertEquals("1e+16", PythonFloatFormat.repr(1e16));
        assertEquals("9999999999999998.0", PythonFloatFormat.repr(9999999999999998.0));
        assertEquals("1.2345e+20", PythonFloatFormat.repr(1.2345e20));
        assertEquals("1e+100", PythonFloatFormat.repr(1e100));
        assertEquals("-3e-300", PythonFloatFormat.repr(-3e-300));
    }

    @Test
    void writesNonFiniteAndSignedZeroLikePython() {
        assertEquals("nan", PythonFloatFormat.repr(Double.NaN));
        assertEquals("inf", PythonFloatFormat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloatFormat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", PythonFloatFormat.repr(0.0));
        assertEquals("-0.0", PythonFloatFormat.repr(-0.0));
    }

    @Test
    void writesTheShortestDigitsThatReadBack() {
        // 0.1 + 0.2 is the double just above 0.3: 17 digits are needed to tell it apart
        assertEquals("0.30000000000000004", PythonFloatFormat.repr(0.1 + 0.2));
        // float32 0.1 widened to double, as torch's tensor.item() gives it
        assertEquals("0.10000000149011612", PythonFloatFormat.repr((double) 0.1f));
        // the smallest subnormal: one digit is enough, though its exact value is 4.94...e-324
        assertEquals("5e-324", PythonFloatFormat.repr(Double.MIN_VALUE));
        // 1e23 is not a double; the double nearest to it still reads back from the one digit
        assertEquals("1e+23", PythonFloatFormat.repr(1e23));
        // Java 17's Double.toString gives 9.3570024819929472E16 here: one digit more than needed
        assertEquals("9.357002481992947e+16", PythonFloatFormat.repr(9.3570024819929472E16));
        assertEquals("1.7976931348623157e+308", PythonFloatFormat.repr(Double.MAX_VALUE));
    }
}
