package org.reprodiff.ui.welcome;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The welcome screen's state: the recent projects (most recent first, as the preferences keep them), each
 * marked missing when its folder is gone (shown greyed, not opened), whether the sample project is at hand, and a
 * notice (such as unreadable preferences). Follows the recent list it is given.
 */
public final class WelcomeViewModel {
    /** A recent project as the welcome screen lists it. */
    public record RecentProject(Path path, String name, boolean exists) {
    }

    private final ObservableList<String> recentPaths;
    private final Predicate<Path> isFolder;
    private final Path sampleProject;
    private final ObservableList<RecentProject> recent = FXCollections.observableArrayList();
    private final StringProperty notice = new SimpleStringProperty("");

    /**
     * @param recentPaths   the recent project folders, most recent first
     * @param isFolder      whether a path is an existing folder (a file-system check; tests pass their own)
     * @param sampleProject the sample project's folder, or null when this install has none
     */
    public WelcomeViewModel(ObservableList<String> recentPaths, Predicate<Path> isFolder, Path sampleProject) {
        this.recentPaths = recentPaths;
        this.isFolder = isFolder;
        this.sampleProject = sampleProject;
        recentPaths.addListener((ListChangeListener<String>) c -> refresh());
        refresh();
    }

    /** Re-checks which recent folders exist. */
    public void refresh() {
        recent.setAll(recentPaths.stream().map(this::entry).toList());
    }

    private RecentProject entry(String text) {
        try {
            Path p = Path.of(text);
            Path name = p.getFileName();
            return new RecentProject(p, name == null ? text : name.toString(), isFolder.test(p));
        } catch (InvalidPathException e) {
            return new RecentProject(Path.of(""), text, false);
        }
    }

    public boolean sampleAvailable() {
        return sampleProject != null && isFolder.test(sampleProject);
    }

    public Path sampleProject() {
        return sampleProject;
    }

    public List<RecentProject> openable() {
        return recent.stream().filter(RecentProject::exists).toList();
    }

    public ObservableList<RecentProject> recent() { return recent; }
    public StringProperty noticeProperty() { return notice; }
}
