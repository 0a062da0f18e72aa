package org.reprodiff.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.service.CompareService;
import org.reprodiff.service.RunService;
import org.reprodiff.ui.common.TaskRunner;

/**
 * One comparison tab's state: loads two runs from the store and compares them off the FX thread; exposes the
 * result (null while loading), a loading flag and an error message. No nodes here.
 */
public final class CompareViewModel {
    private final RunService runs;
    private final CompareService compare;
    private final TaskRunner runner;
    private final ObjectProperty<ComparedRuns> result = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();

    public CompareViewModel(RunService runs, CompareService compare, TaskRunner runner) {
        this.runs = runs;
        this.compare = compare;
        this.runner = runner;
    }

    /** Compares run {@code a} (the baseline) with run {@code b}. */
    public void load(long a, long b) {
        loading.set(true);
        error.set(null);
        runner.submit(progress -> {
            StoredRun ra = runs.load(a).orElseThrow(() -> new IllegalStateException("run " + a + " is no longer in the database"));
            StoredRun rb = runs.load(b).orElseThrow(() -> new IllegalStateException("run " + b + " is no longer in the database"));
            return compare.compare(ra, rb, DiffOptions.DEFAULTS);
        }, (done, total, what) -> { }, compared -> {
            loading.set(false);
            result.set(compared);
        }, failure -> {
            loading.set(false);
            error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        });
    }

    public ObjectProperty<ComparedRuns> resultProperty() { return result; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty errorProperty() { return error; }
}
