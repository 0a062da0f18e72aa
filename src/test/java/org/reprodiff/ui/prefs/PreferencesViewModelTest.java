package org.reprodiff.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.service.Preferences;

class PreferencesViewModelTest {
    private final Preferences base = Preferences.DEFAULTS.withRecentProject("/p").withMetricColumns(List.of("val/loss"));

    @Test
    void editsTolerancesIgnoreRulesAndThemeKeepingTheRest() {
        PreferencesViewModel model = new PreferencesViewModel(base);
        model.rtolProperty().set("1e-3");
        model.atolProperty().set(" 0.5 ");
        model.ignoreProperty().set("run_name\n\n  trainer.logger.*  \n");
        model.darkProperty().set(true);
        assertEquals("", model.problemProperty().get());
        Preferences p = model.result();
        assertEquals(0.001, p.rtol());
        assertEquals(0.5, p.atol());
        assertEquals(List.of("run_name", "trainer.logger.*"), p.ignore());
        assertEquals(Preferences.DARK, p.theme());
        assertEquals(List.of("/p"), p.recentProjects());
        assertEquals(List.of("val/loss"), p.metricColumns());
    }

    @Test
    void startsFromTheGivenPreferences() {
        PreferencesViewModel model = new PreferencesViewModel(base.withComparison(0.25, 2, List.of("a", "b")));
        assertEquals("0.25", model.rtolProperty().get());
        assertEquals("2.0", model.atolProperty().get());
        assertEquals("a\nb", model.ignoreProperty().get());
    }

    @Test
    void aNegativeOrNonNumericToleranceIsAProblem() {
        PreferencesViewModel model = new PreferencesViewModel(base);
        model.rtolProperty().set("-1");
        assertEquals("Relative tolerance: enter a number of 0 or more, such as 1e-5.", model.problemProperty().get());
        model.rtolProperty().set("0");
        model.atolProperty().set("abc");
        assertEquals("Absolute tolerance: enter a number of 0 or more, such as 1e-8.", model.problemProperty().get());
        assertThrows(IllegalStateException.class, model::result);
        model.atolProperty().set("inf");
        assertEquals("Absolute tolerance: enter a number of 0 or more, such as 1e-8.", model.problemProperty().get());
    }

    @Test
    void restoringDefaultsResetsOnlyTheComparison() {
        PreferencesViewModel model = new PreferencesViewModel(base.withComparison(0.25, 2, List.of("a")).withTheme(Preferences.DARK));
        model.restoreDefaults();
        Preferences p = model.result();
        assertEquals(1e-5, p.rtol());
        assertEquals(1e-8, p.atol());
        assertEquals(List.of(), p.ignore());
        assertEquals(Preferences.DARK, p.theme());
    }
}
