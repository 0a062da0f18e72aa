package org.reprodiff.ui.common;

/** Style-class names and the stylesheet, as constants. */
public final class Styles {
    public static final String STYLESHEET = "/org/reprodiff/ui/reprodiff.css";
    public static final String RUNS_VIEW = "runs-view";
    public static final String HEADER = "header";
    public static final String FOLDER_LABEL = "folder-label";
    public static final String STATUS_BAR = "status-bar";
    public static final String PRIMARY = "primary";
    public static final String PROBLEMS = "problems";
    public static final String MUTED = "muted";
    public static final String ERROR_TEXT = "error-text";
    public static final String COMPARE_VIEW = "compare-view";
    public static final String RUN_HEADER = "run-header";
    public static final String RUN_NAME = "run-name";
    public static final String VERDICT_BANNER = "verdict-banner";
    public static final String VERDICT_TITLE = "verdict-title";
    public static final String DARK_STYLESHEET = "/org/reprodiff/ui/dark.css";
    public static final String SOURCE_TREE = "source-tree";
    public static final String RUNS_TABLE = "runs-table";
    public static final String FILTER_FIELD = "filter-field";
    public static final String FORMAT_BADGE = "format-badge";
    public static final String BASELINE_BADGE = "baseline-badge";
    public static final String ETA = "eta";
    public static final String TOOLBAR = "runs-toolbar";
    public static final String WELCOME_VIEW = "welcome-view";
    public static final String WELCOME_TITLE = "welcome-title";
    public static final String WELCOME_CARD = "welcome-card";
    public static final String RECENT_LIST = "recent-list";
    public static final String RECENT_MISSING = "recent-missing";
    public static final String SECTION_TITLE = "section-title";
    public static final String NOTICE = "notice";
    public static final String ABOUT_VIEW = "about-view";
    public static final String PREFERENCES_VIEW = "preferences-view";
    /** The pseudo-class of the baseline run's row. */
    public static final String BASELINE_PSEUDO_CLASS = "baseline";

    /** The style class of a format badge, e.g. {@code format-mlflow}. */
    public static String format(String formatId) {
        return "format-" + formatId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
    public static final String FACET_TABS = "facet-tabs";
    public static final String FACET_TABLE = "facet-table";
    public static final String GLYPH_COLUMN = "glyph-column";
    public static final String EMPTY_STATE = "empty-state";
    public static final String NOT_CAPTURED = "not-captured";
    public static final String FACET_SUMMARY = "facet-summary";
    public static final String COMPARE_TOOLBAR = "compare-toolbar";
    public static final String PATCH_VIEW = "patch-view";
    public static final String PATCH_NOTE = "patch-note";
    public static final String HEADER_CAPTION = "header-caption";
    public static final String SIDE_BADGE = "side-badge";
    public static final String RUN_STATUS = "run-status";
    public static final String MORE_LINK = "more-link";
    public static final String NUMERIC_COLUMN = "numeric-column";

    /** The style class of a verdict banner, e.g. {@code verdict-reproduced}. */
    public static String verdict(String verdictName) {
        return "verdict-" + verdictName.toLowerCase(java.util.Locale.ROOT);
    }

    private Styles() {
    }
}
