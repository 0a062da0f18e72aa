package org.reprodiff.service;

import java.util.ArrayList;
import java.util.List;
import org.reprodiff.diff.DiffOptions;

/**
 * The user's preferences as they are kept on disk (a small JSON file, see {@link PreferencesStore}): recent
 * projects, theme, comparison tolerances and ignore globs, the metrics shown as columns, and the main window's
 * last bounds. A plain value, apart from the live state of the app. Invariants: lists are never null, hold no
 * blanks and are unmodifiable; recent projects are most recent first, unique and at most {@link #MAX_RECENT};
 * {@code theme} is {@link #LIGHT} or {@link #DARK}; the tolerances are finite and non-negative (anything else
 * read from the file falls back to the default); {@code window} is null until a window was closed once.
 */
public record Preferences(List<String> recentProjects, String theme, double rtol, double atol, List<String> ignore,
                          List<String> metricColumns, WindowBounds window) {
    public static final int MAX_RECENT = 10;
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final Preferences DEFAULTS = new Preferences(List.of(), LIGHT, DiffOptions.DEFAULT_RTOL,
            DiffOptions.DEFAULT_ATOL, List.of(), List.of(), null);

    /** Where and how large the main window was; sizes are positive. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public Preferences {
        recentProjects = clean(recentProjects).stream().distinct().limit(MAX_RECENT).toList();
        theme = DARK.equals(theme) ? DARK : LIGHT;
        rtol = validTolerance(rtol) ? rtol : DiffOptions.DEFAULT_RTOL;
        atol = validTolerance(atol) ? atol : DiffOptions.DEFAULT_ATOL;
        ignore = clean(ignore);
        metricColumns = clean(metricColumns).stream().distinct().toList();
        if (window != null && !(window.width() > 0 && window.height() > 0
                && Double.isFinite(window.x()) && Double.isFinite(window.y()))) {
            window = null;
        }
    }

    public static boolean validTolerance(double t) {
        return Double.isFinite(t) && t >= 0;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return List.copyOf(out);
    }

    /** {@code path} moved (or added) to the front of the recent projects, the oldest dropped past the cap. */
    public Preferences withRecentProject(String path) {
        List<String> recent = new ArrayList<>();
        recent.add(path);
        recentProjects.stream().filter(p -> !p.equals(path)).forEach(recent::add);
        return new Preferences(recent, theme, rtol, atol, ignore, metricColumns, window);
    }

    public Preferences withoutRecentProject(String path) {
        return new Preferences(recentProjects.stream().filter(p -> !p.equals(path)).toList(), theme, rtol, atol,
                ignore, metricColumns, window);
    }

    public Preferences withTheme(String newTheme) {
        return new Preferences(recentProjects, newTheme, rtol, atol, ignore, metricColumns, window);
    }

    public Preferences withComparison(double newRtol, double newAtol, List<String> newIgnore) {
        return new Preferences(recentProjects, theme, newRtol, newAtol, newIgnore, metricColumns, window);
    }

    public Preferences withMetricColumns(List<String> columns) {
        return new Preferences(recentProjects, theme, rtol, atol, ignore, columns, window);
    }

    public Preferences withWindow(WindowBounds bounds) {
        return new Preferences(recentProjects, theme, rtol, atol, ignore, metricColumns, bounds);
    }

    /** The comparison options these preferences describe (curves aligned by step). */
    public DiffOptions diffOptions() {
        return new DiffOptions(rtol, atol, ignore, DiffOptions.Alignment.STEP);
    }
}
