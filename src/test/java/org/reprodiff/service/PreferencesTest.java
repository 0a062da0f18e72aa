package org.reprodiff.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.DiffOptions;

class PreferencesTest {

    @Test
    void aReopenedProjectMovesToTheFrontOnce() {
        Preferences p = Preferences.DEFAULTS.withRecentProject("/a").withRecentProject("/b").withRecentProject("/a");
        assertEquals(List.of("/a", "/b"), p.recentProjects());
    }

    @Test
    void recentProjectsAreCappedDroppingTheOldest() {
        Preferences p = Preferences.DEFAULTS;
        for (int i = 1; i <= 12; i++) {
            p = p.withRecentProject("/p" + i);
        }
        assertEquals(IntStream.rangeClosed(3, 12).map(i -> 15 - i).mapToObj(i -> "/p" + i).toList(), p.recentProjects());
        assertEquals("/p12", p.recentProjects().get(0));
        assertEquals("/p3", p.recentProjects().get(9));
    }

    @Test
    void aForgottenProjectLeavesTheList() {
        Preferences p = Preferences.DEFAULTS.withRecentProject("/a").withRecentProject("/b").withoutRecentProject("/a");
        assertEquals(List.of("/b"), p.recentProjects());
    }

    @Test
    void diffOptionsCarryTheTolerancesAndIgnoreGlobs() {
        DiffOptions o = Preferences.DEFAULTS.withComparison(0.01, 0.5, List.of("run_name", "")).diffOptions();
        assertEquals(0.01, o.rtol());
        assertEquals(0.5, o.atol());
        assertEquals(List.of("run_name"), o.ignore());
    }

    @Test
    void aWindowWithoutASizeIsForgotten() {
        assertEquals(null, Preferences.DEFAULTS.withWindow(new Preferences.WindowBounds(0, 0, 0, 300, false)).window());
    }
}
