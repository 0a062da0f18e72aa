package org.reprodiff.ui.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.CurveOverlay;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.ui.common.SameThreadRunner;

/** The curves view model without a toolkit: axes, zoom and pan, the "N of M points drawn" note, the read-out. */
class CurvesViewModelTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final MetricChartFactory CHARTS = new MetricChartFactory(new ChartFonts());

    private final CurvesViewModel model = new CurvesViewModel(new SameThreadRunner(), CHARTS);

    private static MetricDiff diff(String key, Long firstDivergence) {
        return new MetricDiff(key, 4, 4, 4, false, firstDivergence, 1, firstDivergence, 0, 0, false, false, null);
    }

    /** Steps 0..3; A logs every 2 s from T0, B every 3 s from T0 + 10 s; they part at step 2. */
    private static CurvePair timed() {
        MetricSeries a = new MetricSeries("loss", new long[] {0, 1, 2, 3}, new double[] {1.5, 1.25, 1.0, 0.5},
                new long[] {T0, T0 + 2000, T0 + 4000, T0 + 6000});
        MetricSeries b = new MetricSeries("loss", new long[] {0, 1, 2, 3}, new double[] {1.5, 1.25, 2.25, 1.0},
                new long[] {T0 + 10_000, T0 + 13_000, T0 + 16_000, T0 + 19_000});
        return new CurvePair(diff("loss", 2L), "run-a", a, "run-b", b, Alignment.STEP);
    }

    private static MetricSeries untimed(int n, double offset) {
        MetricSeries.Builder b = new MetricSeries.Builder("acc");
        for (int i = 0; i < n; i++) {
            b.add(i, Math.sin(i * 0.01) + offset, MetricSeries.NO_TIME);
        }
        return b.build();
    }

    @Test
    void offersTheTimeAxesOnlyWhenARunRecordedWallTimes() {
        model.show(timed());
        assertEquals(List.of(Alignment.STEP, Alignment.RELATIVE_TIME, Alignment.WALL_TIME), model.axes());
        model.show(new CurvePair(diff("acc", null), "a", untimed(5, 0), "b", untimed(5, 1), Alignment.STEP));
        assertEquals(List.of(Alignment.STEP), model.axes());
        assertEquals(Alignment.STEP, model.xAxisProperty().get());
    }

    @Test
    void switchingTheXAxisReplotsAndMovesTheDivergenceMarker() {
        model.show(timed());
        CurveOverlay steps = model.overlayProperty().get();
        assertArrayEquals(new double[] {0, 1, 2, 3}, steps.a().x());
        assertEquals(2.0, steps.marker());

        model.xAxisProperty().set(Alignment.RELATIVE_TIME);
        CurveOverlay relative = model.overlayProperty().get();
        assertEquals(Alignment.RELATIVE_TIME, relative.axis());
        assertArrayEquals(new double[] {0, 2, 4, 6}, relative.a().x());
        assertArrayEquals(new double[] {0, 3, 6, 9}, relative.b().x());
        assertEquals(4.0, relative.marker(), "step 2 of A was logged 4 s after A started");
        assertEquals("diverges at step 2", relative.markerLabel());

        model.xAxisProperty().set(Alignment.WALL_TIME);
        CurveOverlay wall = model.overlayProperty().get();
        assertArrayEquals(new double[] {10, 13, 16, 19}, wall.b().x(), "seconds since the earlier run started");
        assertArrayEquals(new double[] {0, 2, 4, 6}, wall.delta().x(), "the delta sits at A's points");
        assertArrayEquals(new double[] {0, 0, 1.25, 0.5}, wall.delta().y(), "B − A of the step-paired points");
        assertTrue(model.noteProperty().get().startsWith("all 8 points drawn"), model.noteProperty().get());
    }

    @Test
    void saysHowManyOfHowManyPointsItDrew() {
        model.columnsProperty().set(100);
        model.show(new CurvePair(diff("acc", null), "a", untimed(10_000, 0), "b", untimed(10_000, 1), Alignment.STEP));
        String note = model.noteProperty().get();
        assertTrue(note.matches("[\\d,]+ of 20,000 points drawn, min/max/first/last per pixel column"), note);
        int drawn = Integer.parseInt(note.substring(0, note.indexOf(" of")).replace(",", ""));
        assertTrue(drawn >= 200 && drawn <= 2 * 4 * 100, "between one and four points per column per curve: " + drawn);

        model.zoom(5000, 0.01);
        assertArrayEquals(new double[] {4950, 5049.99}, model.visibleRange(), 1e-9, "1% of 0..9999 around 5000, which stays put");
        assertTrue(model.noteProperty().get().startsWith("all 204 points in view drawn"), model.noteProperty().get());
    }

    @Test
    void saysWhatItCouldNotDraw() {
        MetricSeries a = new MetricSeries("m", new long[] {0, 1, 2}, new double[] {1, Double.NaN, 0}, new long[] {1, 2, 3});
        MetricSeries b = new MetricSeries("m", new long[] {0, 1, 2}, new double[] {2, 3, -4}, new long[] {1, 2, 3});
        model.show(new CurvePair(diff("m", 1L), "a", a, "b", b, Alignment.STEP));
        assertEquals("all 6 points drawn; 1 NaN/Inf shown as gaps", model.noteProperty().get());
        model.logScaleProperty().set(true);
        assertEquals("all 6 points drawn; 1 NaN/Inf shown as gaps; 2 values ≤ 0 left out of the log scale",
                model.noteProperty().get());
    }

    @Test
    void zoomAndPanStayInsideTheCurvesAndResetShowsEverything() {
        model.show(new CurvePair(diff("acc", null), "a", untimed(101, 0), "b", untimed(101, 1), Alignment.STEP));
        assertArrayEquals(new double[] {0, 100}, model.visibleRange());
        model.zoom(80, 0.5);
        assertArrayEquals(new double[] {40, 90}, model.visibleRange(), 1e-9, "the point under the pointer stays put");
        model.pan(30);
        assertArrayEquals(new double[] {50, 100}, model.visibleRange(), 1e-9, "a pan stops at the last point");
        model.zoom(75, 4);
        assertArrayEquals(new double[] {0, 100}, model.visibleRange(), 1e-9);
        model.zoom(50, 0.5);
        model.resetZoom();
        assertArrayEquals(new double[] {0, 100}, model.visibleRange());
    }

    @Test
    void readsOutABAndTheDeltaNearestThePointer() {
        model.show(timed());
        model.pointAt(2.3);
        assertEquals("step 2    A 1    B 2.25    Δ (B − A) 1.25", model.readoutProperty().get());
        model.clearReadout();
        assertEquals("", model.readoutProperty().get());
    }

    @Test
    void showingNothingSaysSo() {
        model.show(timed());
        model.show(null);
        assertNull(model.overlayProperty().get());
        assertEquals("Select a metric to see its curves.", model.messageProperty().get());
    }
}
