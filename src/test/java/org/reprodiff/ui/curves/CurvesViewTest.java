package org.reprodiff.ui.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.ui.common.SameThreadRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle): the curves view shows a chart of a small pair, says how it drew it, and reads out a point. */
@ExtendWith(ApplicationExtension.class)
class CurvesViewTest {
    private CurvesView view;

    @Start
    void start(Stage stage) {
        view = new CurvesView(new CurvesViewModel(new SameThreadRunner(), new MetricChartFactory(new ChartFonts())));
        stage.setScene(new Scene(view, 900, 520));
        stage.show();
    }

    private static CurvePair pair() {
        MetricSeries.Builder a = new MetricSeries.Builder("loss");
        MetricSeries.Builder b = new MetricSeries.Builder("loss");
        for (int i = 0; i < 50; i++) {
            a.add(i, 2.0 / (i + 1), 1_000L * i);
            b.add(i, 2.0 / (i + 1) + (i >= 30 ? 0.1 : 0), 1_000L * i + 500);
        }
        MetricDiff d = new MetricDiff("loss", 50, 50, 50, false, 30L, 0.1, 30L, 0.04, 0.14, false, false, null);
        return new CurvePair(d, "run-a", a.build(), "run-b", b.build(), Alignment.STEP);
    }

    @Test
    void showsAChartOfTheSelectedMetric(FxRobot robot) {
        robot.interact(() -> view.model().show(pair()));
        WaitForAsyncUtils.waitForFxEvents();
        ChartCanvas canvas = robot.lookup(".curves-view").queryAs(CurvesView.class).lookupAll("*").stream()
                .filter(ChartCanvas.class::isInstance).map(ChartCanvas.class::cast).findFirst().orElseThrow();
        assertTrue(canvas.isVisible());
        assertTrue(canvas.getWidth() > 500 && canvas.getHeight() > 300, canvas.getWidth() + " x " + canvas.getHeight());
        assertEquals("loss", canvas.getChart().getTitle().getText());
        TextTitle note = (TextTitle) canvas.getChart().getSubtitle(canvas.getChart().getSubtitleCount() - 1);
        assertEquals("all 100 points drawn", note.getText(), "the chart says how it was sampled");
        assertFalse(robot.lookup("." + CurvesView.MESSAGE).queryAs(Label.class).isVisible());

        robot.moveTo(canvas);
        WaitForAsyncUtils.waitForFxEvents();
        String readout = robot.lookup("." + CurvesView.READOUT).queryAs(Label.class).getText();
        assertTrue(readout.startsWith("step ") && readout.contains("Δ (B − A)"), readout);
    }
}
