package org.reprodiff.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunBuilderTest {
    @Test
    void marksEveryEmptyFacetNotCaptured() {
        Run run = Run.builder("t", "/s", "1").build();
        assertEquals(EnumSet.allOf(Facet.class), run.notCaptured());
    }

    @Test
    void separatesHardwareFromEnvironmentAndCodeFromCodeState() {
        Run run = Run.builder("t", "/s", "1")
                .environment(EnvironmentKeys.PYTHON, "3.11")
                .code(new CodeState(null, "abc", null, null, null, null, List.of(), null))
                .build();
        assertEquals(EnumSet.of(Facet.PARAMS, Facet.SEEDS, Facet.CODE_STATE, Facet.DATA, Facet.PACKAGES, Facet.HARDWARE, Facet.METRICS),
                run.notCaptured());
    }

    @Test
    void aFacetDeclaredCapturedStaysCapturedWhenEmpty() {
        Run run = Run.builder("t", "/s", "1").captured(Facet.PARAMS).build();
        assertEquals(false, run.notCaptured().contains(Facet.PARAMS));
    }

    @Test
    void finalValuesComeFromTheLastPointOfEachSeries() {
        Run run = Run.builder("t", "/s", "1")
                .metric(new MetricSeries.Builder("loss").add(0, 2.0, 1).add(1, Double.NaN, 2).build())
                .summary("acc", 0.9)
                .build();
        assertEquals(0.9, run.summary().get("acc"));
        assertEquals(Double.NaN, run.summary().get("loss"));
    }
}
