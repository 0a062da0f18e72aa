package org.reprodiff.ui.common;

/** Style-class names and the stylesheet, as constants. */
public final class Styles {
    public static final String STYLESHEET = "/org/reprodiff/ui/reprodiff.css";
    public static final String RUNS_VIEW = "runs-view";
    public static final String HEADER = "header";
    public static final String FOLDER_LABEL = "folder-label";
    public static final String STATUS_BAR = "status-bar";

    private Styles() {
    }
}
