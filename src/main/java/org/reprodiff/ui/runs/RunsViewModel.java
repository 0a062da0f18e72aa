package org.reprodiff.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.ui.common.TaskRunner;

/**
 * The runs window's state: the open project, its runs (those whose source lies in the project folder), the
 * sources tree, the filter, the sort, the chosen metric columns (those the project has are shown; when it has
 * none of them, its most telling metric is added) with the runs' final values, the pinned
 * baseline, import progress with an ETA, and the problems of the last import. Opening a project shows the runs
 * the store already holds at once, then imports (unchanged units are not read again) and refreshes. No nodes
 * here; all work goes through the runner, so tests run it on their own thread. Invariant: {@link #rows()} is
 * always the project's runs in {@link #scopeProperty() scope}, passing the filter, in the sort order.
 */
public final class RunsViewModel {
    private final RunsBackend backend;
    private final TaskRunner runner;
    private final LongSupplier clock;

    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObservableList<RunSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<SourceNode> sourceTree = new SimpleObjectProperty<>();
    private final ObjectProperty<SourceNode> scope = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> metricColumns = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> baseline = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty shown = new SimpleStringProperty("");
    private final ObservableList<RunSummary> selection = FXCollections.observableArrayList();
    private final BooleanProperty canCompare = new SimpleBooleanProperty();

    private List<RunSummary> projectRuns = List.of();
    private final Map<Long, Map<String, Double>> finals = new HashMap<>();
    private Map<String, String> twinTexts = Map.of();
    private RunRows table = new RunRows(List.of(), List.of(), Map.of(), Map.of());
    private SortKey sortKey;
    private boolean ascending = true;
    private TaskRunner.Handle importing;
    private TaskRunner.Handle loadingFinals;
    private long readingSince = -1;

    public RunsViewModel(RunsBackend backend, TaskRunner runner, LongSupplier nanoClock) {
        this.backend = backend;
        this.runner = runner;
        this.clock = nanoClock;
        filter.addListener((o, a, b) -> requery());
        selection.addListener((ListChangeListener<RunSummary>) c -> canCompare.set(comparePair(selection).isPresent()));
        baseline.addListener((o, a, b) -> canCompare.set(comparePair(selection).isPresent()));
        scope.addListener((o, a, b) -> requery());
        metricColumns.addListener((ListChangeListener<String>) c -> {
            if (folder.get() != null) {
                loadFinals();
                rebuild();
            }
        });
    }

    /** Opens a project folder: shows the stored runs at once, then imports it and refreshes. */
    public void open(Path folderPath) {
        Path path = canonical(folderPath);
        cancel();
        clearProject();
        folder.set(path);
        status.set("Opening " + path + " …");
        runner.submit(p -> backend.list(), Progress.NONE, list -> {
            if (path.equals(folder.get())) {
                show(list);
                importFolder();
            }
        }, this::failed);
    }

    /** Reads the open project again (unchanged units are skipped). */
    public void importFolder() {
        Path path = folder.get();
        if (path == null) {
            return;
        }
        cancel();
        busy.set(true);
        progress.set(-1);
        eta.set("");
        error.set("");
        readingSince = -1;
        status.set("Scanning " + path + " …");
        importing = runner.submit(p -> {
            ImportReport report = backend.importFolder(path, p);
            return new Loaded(report, backend.list());
        }, this::progressed, loaded -> {
            busy.set(false);
            eta.set("");
            if (loaded.report().total().newRuns() + loaded.report().total().updated() > 0) {
                finals.clear();
            }
            problems.setAll(loaded.report().problems());
            show(loaded.runs());
            status.set(summary(loaded.report()));
        }, this::failed);
    }

    private void progressed(long done, long total, String what) {
        if (total > 0) {
            if (readingSince < 0) {
                readingSince = clock.getAsLong();
            }
            progress.set((double) done / total);
            status.set("Reading " + done + " of " + total + ": " + relative(what));
            eta.set(ImportEta.text(done, total, clock.getAsLong() - readingSince));
        } else {
            progress.set(-1);
            status.set(what);
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private String relative(String what) {
        Path base = folder.get();
        try {
            Path p = Path.of(what);
            return base != null && p.startsWith(base) && !p.equals(base) ? base.relativize(p).toString() : what;
        } catch (RuntimeException e) {
            return what;
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        eta.set("");
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        error.set(e instanceof IOException ? "Could not read the project: " + why : "Import failed: " + why);
        status.set("");
    }

    /** Stops the running import; runs saved so far stay and are listed. */
    public void cancel() {
        if (importing != null && busy.get()) {
            importing.cancel();
            busy.set(false);
            eta.set("");
            status.set("Import cancelled");
            runner.submit(p -> backend.list(), Progress.NONE, this::show, this::failed);
        }
        importing = null;
    }

    /** Closes the project: no folder, no runs, no baseline. */
    public void close() {
        cancel();
        clearProject();
        folder.set(null);
        status.set("");
    }

    private void clearProject() {
        if (loadingFinals != null) {
            loadingFinals.cancel();
            loadingFinals = null;
        }
        finals.clear();
        problems.clear();
        error.set("");
        baseline.set(null);
        filter.set("");
        show(List.of());
    }

    /** Shows the runs of {@code all} that lie in the project folder. */
    private void show(List<RunSummary> all) {
        Path base = folder.get();
        String prefix = base == null ? null : base.toString();
        List<RunSummary> mine = new ArrayList<>();
        for (RunSummary r : all) {
            if (prefix != null && inProject(SourceTree.sourcePath(r), prefix)) {
                mine.add(r);
            }
        }
        projectRuns = List.copyOf(mine);
        TreeMap<String, Integer> keys = new TreeMap<>();
        for (RunSummary r : projectRuns) {
            r.metricKeys().forEach(k -> keys.merge(k, 1, Integer::sum));
        }
        metricKeys.setAll(keys.keySet());
        RunSummary pinned = baseline.get();
        baseline.set(pinned == null ? null : projectRuns.stream().filter(r -> r.id() == pinned.id()).findFirst().orElse(null));
        SourceNode tree = SourceTree.build(base == null ? "" : String.valueOf(base.getFileName()), base, projectRuns);
        SourceNode previous = scope.get();
        sourceTree.set(tree);
        scope.set(sameNode(tree, previous));
        if (metricColumns.stream().noneMatch(keys::containsKey)) {
            MetricChoice.defaultMetric(keys).ifPresent(metricColumns::add);
        }
        loadFinals();
        rebuild();
    }

    private static boolean inProject(String source, String prefix) {
        return source.equals(prefix) || source.startsWith(prefix.endsWith(java.io.File.separator) ? prefix : prefix + java.io.File.separator);
    }

    /** The node of {@code tree} for the same format and folder as {@code old}, else the root. */
    private static SourceNode sameNode(SourceNode tree, SourceNode old) {
        if (old == null || old.format() == null) {
            return tree;
        }
        for (SourceNode f : tree.children()) {
            if (f.format().equals(old.format())) {
                if (old.folder() == null) {
                    return f;
                }
                return f.children().stream().filter(c -> c.folder().equals(old.folder())).findFirst().orElse(f);
            }
        }
        return tree;
    }

    /** Loads the final values of runs not yet cached, when a metric column needs them; rebuilds when done. */
    private void loadFinals() {
        if (metricColumns.stream().noneMatch(metricKeys::contains)) {
            return;
        }
        List<Long> missing = projectRuns.stream().map(RunSummary::id).filter(id -> !finals.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (loadingFinals != null) {
            loadingFinals.cancel();
        }
        loadingFinals = runner.submit(p -> {
            Map<Long, Map<String, Double>> read = new HashMap<>();
            for (long id : missing) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cancelled");
                }
                read.put(id, backend.finalValues(id));
            }
            return read;
        }, Progress.NONE, read -> {
            loadingFinals = null;
            finals.putAll(read);
            rebuild();
        }, e -> {
            loadingFinals = null;
            error.set("Could not read the final metric values: " + e.getMessage());
        });
    }

    /** Re-extracts the sort and filter keys (runs, metric values or twin texts changed), then requeries. */
    private void rebuild() {
        List<String> columns = metricColumns.stream().filter(metricKeys::contains).toList();
        twinTexts = TwinSpread.texts(projectRuns, columns.isEmpty() ? null : columns.get(0), finals);
        table = new RunRows(projectRuns, columns, finals, twinTexts);
        requery();
    }

    private void requery() {
        SourceNode s = scope.get();
        List<RunSummary> result = table.query(filter.get(), s == null ? r -> true : s.contains(), sortKey, ascending);
        rows.setAll(result);
        shown.set(result.size() == projectRuns.size() ? projectRuns.size() + (projectRuns.size() == 1 ? " run" : " runs")
                : result.size() + " of " + projectRuns.size() + " runs");
    }

    /** Sorts by {@code key} (null: store order). */
    public void sort(SortKey key, boolean ascendingOrder) {
        this.sortKey = key;
        this.ascending = ascendingOrder;
        requery();
    }

    /** Pins the first selected run as the baseline; does nothing without a selection. */
    public void pinSelected() {
        if (!selection.isEmpty()) {
            baseline.set(selection.get(0));
        }
    }

    /** The comparison the current selection makes, see {@link #comparePair}. */
    public Optional<Pair> compareSelection() {
        return comparePair(List.copyOf(selection));
    }

    public void pinBaseline(RunSummary run) {
        baseline.set(run);
    }

    public void clearBaseline() {
        baseline.set(null);
    }

    /** A comparison to open: A is the baseline. */
    public record Pair(RunSummary a, RunSummary b) {
    }

    /**
     * What Compare would open for a selection: with a pinned baseline, the baseline against the one other selected
     * run (or, of two selected runs of which one is the baseline, the other); without one, the first selected
     * against the second. Empty when the selection does not make a pair.
     */
    public Optional<Pair> comparePair(List<RunSummary> selected) {
        RunSummary base = baseline.get();
        if (base != null) {
            List<RunSummary> others = selected.stream().filter(r -> r.id() != base.id()).toList();
            if (others.size() == 1 && selected.size() <= 2) {
                return Optional.of(new Pair(base, others.get(0)));
            }
        }
        if (selected.size() == 2 && selected.get(0).id() != selected.get(1).id()) {
            return Optional.of(new Pair(selected.get(0), selected.get(1)));
        }
        return Optional.empty();
    }

    /** The final value of a metric of a run, null when unknown or not loaded yet. */
    public Double finalValue(RunSummary run, String metric) {
        return finals.getOrDefault(run.id(), Map.of()).get(metric);
    }

    /** What the twin-group column shows for a run: its group's size and spread, blank for none. */
    public String twinText(RunSummary run) {
        return run.twinGroup() == null ? "" : twinTexts.getOrDefault(run.twinGroup(), "");
    }

    private static String summary(ImportReport report) {
        ImportReport.Counts t = report.total();
        String text = "Imported: " + t.newRuns() + " new, " + t.updated() + " updated, " + t.unchanged() + " unchanged";
        if (t.failed() > 0) {
            text += ", " + t.failed() + " failed";
        }
        int n = report.problems().size();
        return n == 0 ? text : text + " · " + n + (n == 1 ? " problem" : " problems");
    }

    private record Loaded(ImportReport report, List<RunSummary> runs) {
    }

    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObservableList<RunSummary> rows() { return rows; }
    public List<RunSummary> projectRuns() { return projectRuns; }
    public ObservableList<ImportProblem> problems() { return problems; }
    public ObjectProperty<SourceNode> sourceTreeProperty() { return sourceTree; }
    public ObjectProperty<SourceNode> scopeProperty() { return scope; }
    public StringProperty filterProperty() { return filter; }
    public ObservableList<String> metricKeys() { return metricKeys; }
    public ObservableList<String> metricColumns() { return metricColumns; }
    public ObjectProperty<RunSummary> baselineProperty() { return baseline; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<RunSummary> selection() { return selection; }
    public BooleanProperty canCompareProperty() { return canCompare; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    public StringProperty etaProperty() { return eta; }
    public StringProperty errorProperty() { return error; }
    public StringProperty shownProperty() { return shown; }
}
