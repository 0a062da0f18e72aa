package org.reprodiff.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * The light and dark looks: the base stylesheet, plus for dark one that overrides the looked-up colours the base
 * defines at {@code .root}. {@link #id()} is the name kept in the preferences file.
 */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Theme of(String id) {
        return DARK.id.equals(id) ? DARK : LIGHT;
    }

    /** The stylesheet URLs of this theme, base first. */
    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>();
        sheets.add(Theme.class.getResource(Styles.STYLESHEET).toExternalForm());
        if (this == DARK) {
            sheets.add(Theme.class.getResource(Styles.DARK_STYLESHEET).toExternalForm());
        }
        return sheets;
    }

    /** Puts this theme on a scene, replacing the previous theme's stylesheets and keeping any others. */
    public void applyTo(Scene scene) {
        replace(scene.getStylesheets());
    }

    public void applyTo(DialogPane pane) {
        replace(pane.getStylesheets());
    }

    private void replace(List<String> current) {
        for (Theme t : values()) {
            current.removeAll(t.stylesheets());
        }
        current.addAll(0, stylesheets());
    }
}
