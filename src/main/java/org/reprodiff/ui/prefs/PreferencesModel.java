package org.reprodiff.ui.prefs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.service.Preferences;
import org.reprodiff.ui.common.Theme;

/**
 * The live preferences of the running app, as properties the views bind to; {@link Preferences} is only what
 * goes to disk. Every change is handed to {@code persist} as a fresh snapshot (the caller saves it off the FX
 * thread). Invariant: {@link #snapshot()} always equals what was last persisted or is about to be.
 */
public final class PreferencesModel {
    private final Consumer<Preferences> persist;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<DiffOptions> diffOptions = new SimpleObjectProperty<>(DiffOptions.DEFAULTS);
    private final ObservableList<String> recentProjects = FXCollections.observableArrayList();
    private final ObservableList<String> metricColumns = FXCollections.observableArrayList();
    private Preferences.WindowBounds window;
    private boolean loading;

    public PreferencesModel(Preferences initial, Consumer<Preferences> persist) {
        this.persist = persist;
        apply(initial);
        theme.addListener((o, a, b) -> changed());
        diffOptions.addListener((o, a, b) -> changed());
        recentProjects.addListener((ListChangeListener<String>) c -> changed());
        metricColumns.addListener((ListChangeListener<String>) c -> changed());
    }

    /** Takes every value of {@code p} (the dialog's result, or a file read) and persists once. */
    public void apply(Preferences p) {
        loading = true;
        try {
            theme.set(Theme.of(p.theme()));
            diffOptions.set(p.diffOptions());
            recentProjects.setAll(p.recentProjects());
            metricColumns.setAll(p.metricColumns());
            window = p.window();
        } finally {
            loading = false;
        }
        changed();
    }

    private void changed() {
        if (!loading && persist != null) {
            persist.accept(snapshot());
        }
    }

    public Preferences snapshot() {
        DiffOptions o = diffOptions.get();
        return new Preferences(List.copyOf(recentProjects), theme.get().id(), o.rtol(), o.atol(), o.ignore(),
                List.copyOf(metricColumns), window);
    }

    /** Remembers a project as the most recently opened. */
    public void addRecent(Path folder) {
        Preferences next = snapshot().withRecentProject(folder.toString());
        loading = true;
        try {
            recentProjects.setAll(next.recentProjects());
        } finally {
            loading = false;
        }
        changed();
    }

    public void removeRecent(String folder) {
        recentProjects.remove(folder);
    }

    public void rememberWindow(Preferences.WindowBounds bounds) {
        window = snapshot().withWindow(bounds).window();
        changed();
    }

    public Preferences.WindowBounds window() {
        return window;
    }

    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ObjectProperty<DiffOptions> diffOptionsProperty() { return diffOptions; }
    public ObservableList<String> recentProjects() { return recentProjects; }
    public ObservableList<String> metricColumns() { return metricColumns; }
}
