package org.reprodiff.ui.runs;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.ImportService;
import org.reprodiff.service.RunService;
import org.reprodiff.ui.common.TaskRunner;

/**
 * The runs window's state: the project folder, the runs of the store, import progress and the problems of the
 * last import. Commands: {@link #importFolder}, {@link #cancel}. No nodes here; work goes through the runner.
 */
public final class RunsViewModel {
    private final ImportService imports;
    private final RunService runs;
    private final TaskRunner runner;

    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObservableList<RunSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private TaskRunner.Handle current;

    public RunsViewModel(ImportService imports, RunService runs, TaskRunner runner) {
        this.imports = imports;
        this.runs = runs;
        this.runner = runner;
    }

    /** Imports a folder in the background, then shows every run of the store. */
    public void importFolder(Path path) {
        cancel();
        folder.set(path);
        busy.set(true);
        progress.set(-1);
        status.set("Scanning " + path + " …");
        current = runner.submit(
                p -> {
                    ImportReport report = imports.importPaths(List.of(path), p);
                    return new Loaded(report, runs.list());
                },
                (done, total, what) -> {
                    progress.set(total > 0 ? (double) done / total : -1);
                    status.set(total > 0 ? "Reading " + done + " of " + total + ": " + what : what);
                },
                loaded -> {
                    busy.set(false);
                    rows.setAll(loaded.runs());
                    problems.setAll(loaded.report().problems());
                    status.set(summary(loaded));
                },
                error -> {
                    busy.set(false);
                    status.set("Import failed: " + error.getMessage());
                });
    }

    /** Stops the running import; runs saved so far stay. */
    public void cancel() {
        if (current != null && busy.get()) {
            current.cancel();
            busy.set(false);
            status.set("Import cancelled");
            runner.submit(progress -> runs.list(), (done, total, what) -> { }, rows::setAll,
                    error -> status.set("Import cancelled; the runs list could not be read: " + error.getMessage()));
        }
    }

    private static String summary(Loaded loaded) {
        ImportReport.Counts t = loaded.report().total();
        int n = loaded.runs().size();
        String text = n + (n == 1 ? " run" : " runs") + " · " + t.newRuns() + " new, " + t.updated() + " updated, "
                + t.unchanged() + " unchanged";
        int problemCount = loaded.report().problems().size();
        return problemCount == 0 ? text : text + " · " + problemCount + (problemCount == 1 ? " problem" : " problems");
    }

    private record Loaded(ImportReport report, List<RunSummary> runs) {
    }

    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObservableList<RunSummary> rows() { return rows; }
    public ObservableList<ImportProblem> problems() { return problems; }
    public BooleanProperty busyProperty() { return busy; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
}
