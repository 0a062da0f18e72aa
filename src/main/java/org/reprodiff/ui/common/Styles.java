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

    /** The style class of a verdict banner, e.g. {@code verdict-reproduced}. */
    public static String verdict(String verdictName) {
        return "verdict-" + verdictName.toLowerCase(java.util.Locale.ROOT);
    }

    private Styles() {
    }
}
