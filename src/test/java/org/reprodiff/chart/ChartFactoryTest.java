package org.reprodiff.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.model.MetricSeries;

/** The one chart definition: overlay and delta, the divergence marked, the sampling said, on JFreeChart and SVG. */
class ChartFactoryTest {
    private final MetricChartFactory factory = new MetricChartFactory(new ChartFonts());

    private static MetricSeries series(int n, double offsetFrom, long repeatStep) {
        MetricSeries.Builder b = new MetricSeries.Builder("loss");
        for (int i = 0; i < n; i++) {
            b.add(i, 1.0 / (i + 1) + (i >= offsetFrom ? 0.5 : 0), MetricSeries.NO_TIME);
        }
        if (repeatStep >= 0) {
            b.add(repeatStep, 99, MetricSeries.NO_TIME);
        }
        return b.build();
    }

    private static MetricCurves curves(MetricSeries a, MetricSeries b, Long divergence) {
        return new MetricCurves("loss", "run-a", a, "run-b", b, divergence, Alignment.STEP);
    }

    @Test
    void overlaySaysHowManyPointsItDrew() {
        MetricChart small = factory.overlay(curves(series(100, 1e9, -1), series(100, 50, -1), 50L), 300);
        assertEquals("all 200 points drawn", small.subtitle());
        MetricChart big = factory.overlay(curves(series(100_000, 1e9, -1), series(100_000, 50_000, -1), 50_000L), 300);
        assertTrue(big.subtitle().matches("[\\d,]+ of 200,000 points drawn, min/max/first/last per pixel column"), big.subtitle());
        assertEquals(50_000.0, big.marker());
        assertEquals("diverges at step 50000", big.markerLabel());
        assertEquals(2, big.lines().size());
        assertEquals("A: run-a", big.lines().get(0).name());
    }

    @Test
    void deltaIsBMinusAAtCommonStepsWithTheLastValueOfARepeatedStep() {
        MetricSeries a = series(10, 1e9, -1);
        MetricSeries b = series(10, 5, 3);
        MetricChart delta = factory.delta(curves(a, b, 3L), 300);
        SampledCurve d = delta.lines().get(0).curve();
        assertEquals(10, d.drawn());
        assertEquals(99 - 1.0 / 4, d.y()[3], 1e-12, "step 3 re-logged in B: the last value counts");
        assertEquals(0.5, d.y()[7], 1e-12);
        assertEquals(0.0, d.y()[0]);
        assertTrue(delta.zeroLine());
    }

    @Test
    void aMetricOnOneSideHasAnOverlayButNoDelta() {
        MetricChart overlay = factory.overlay(curves(series(10, 1e9, -1), null, null), 300);
        assertEquals(1, overlay.lines().size());
        assertTrue(factory.delta(curves(series(10, 1e9, -1), null, null), 300).isEmpty());
    }

    @Test
    void jfreeChartCarriesTheSubtitleAndMarkerAndDraws() {
        MetricChart chart = factory.overlay(curves(series(1000, 1e9, -1), series(1000, 500, -1), 500L), 200);
        JFreeChart jf = factory.toJFreeChart(chart);
        assertEquals(chart.subtitle(), ((org.jfree.chart.title.TextTitle) jf.getSubtitle(1)).getText());
        XYPlot plot = jf.getXYPlot();
        assertNotNull(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND));
        BufferedImage image = jf.createBufferedImage(500, 300);
        assertEquals(500, image.getWidth());
    }

    @Test
    void svgHasTheLinesMarkerAndSubtitleAndEscapesText() {
        MetricCurves c = new MetricCurves("a<b>&c", "A \"x\"", series(50, 1e9, -1), "B", series(50, 25, -1), 25L, Alignment.STEP);
        String svg = new SvgChartWriter().write(factory.overlay(c, 300), 640, 300);
        assertTrue(svg.startsWith("<svg "));
        assertTrue(svg.contains("a&lt;b&gt;&amp;c"));
        assertTrue(svg.contains("all 100 points drawn"));
        assertTrue(svg.contains("diverges at step 25"));
        assertTrue(svg.contains(ChartStyle.hex(ChartStyle.RUN_A)) && svg.contains(ChartStyle.hex(ChartStyle.RUN_B)));
        assertFalse(svg.contains("href"));
    }

    @Test
    void axisTicksAreNiceAndLabelsCompact() {
        assertEquals(java.util.List.of(0.0, 100.0, 200.0, 300.0, 400.0, 500.0), AxisTicks.ticks(0, 499, 5));
        assertEquals("0.25", AxisTicks.format(0.25));
        assertEquals("1.5e-05", AxisTicks.format(1.5e-5));
        assertEquals("420", AxisTicks.format(420));
    }
}
