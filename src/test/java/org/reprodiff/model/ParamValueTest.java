package org.reprodiff.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamValueTest {
    @Test
    void typesNumbersFromTextAndKeepsTheRawText() {
        ParamValue v = ParamValue.fromText("1e-3");
        assertEquals(ParamValue.Type.NUMBER, v.type());
        assertEquals(0.001, v.number());
        assertEquals("1e-3", v.raw());
        assertEquals(ParamValue.Type.NUMBER, ParamValue.fromText("-42").type());
        assertEquals(0.5, ParamValue.fromText(".5").number());
    }

    @Test
    void typesPythonBooleansAndNone() {
        assertEquals(Boolean.TRUE, ParamValue.fromText("True").bool());
        assertEquals(Boolean.FALSE, ParamValue.fromText("false").bool());
        assertEquals(ParamValue.Type.NULL, ParamValue.fromText("None").type());
    }

    @Test
    void leavesEverythingElseAString() {
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText("adam").type());
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText("1d").type(), "Java-only number forms stay text");
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText("0x10").type());
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText(" 1").type(), "padding is significant");
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText("").type());
        assertEquals(ParamValue.Type.STRING, ParamValue.fromText("[1, 2]").type());
    }

    @Test
    void readsNonFiniteNumbersAsTheToolsWriteThem() {
        assertTrue(Double.isNaN(ParamValue.fromText("nan").number()));
        assertEquals(Double.POSITIVE_INFINITY, ParamValue.fromText("inf").number());
        assertEquals(Double.NEGATIVE_INFINITY, ParamValue.fromText("-Infinity").number());
    }
}
