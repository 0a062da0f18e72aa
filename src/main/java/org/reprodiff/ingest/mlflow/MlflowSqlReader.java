package org.reprodiff.ingest.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Reads every run of one open MLflow database (FORMATS.md 1.2) into runs. Runs come in {@code run_uuid} order;
 * experiments, params, tags and dataset inputs are loaded up front (they are small), metrics are streamed by
 * {@link MlflowSqlMetricCursor}. A bad cell becomes a problem on its run and the run still imports. SQL errors
 * propagate: the caller treats the whole file as unreadable.
 */
final class MlflowSqlReader {
    static final String FORMAT = "mlflow";
    private static final String DATA_CONTEXT = "mlflow.data.context";
    private static final String DATA_ORIGIN = "mlflow input";

    private final Connection db;
    private final MlflowSqlSchema schema;
    private final String source;
    private final String file;

    /**
     * @param source the database's canonical path, the runs' source
     * @param file   the database's path as given, for problems
     */
    MlflowSqlReader(Connection db, MlflowSqlSchema schema, String source, String file) {
        this.db = db;
        this.schema = schema;
        this.source = source;
        this.file = file;
    }

    private record RunRow(String uuid, String name, String experimentId, String user, Object status, Object start,
                          Object end, String lifecycle, String artifactUri) {
    }

    /** Reads all runs; on interruption returns the runs read so far and leaves the thread interrupted. */
    ImportResult read(Progress progress) throws SQLException {
        List<RunRow> rows = runRows();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            positions.put(rows.get(i).uuid(), i);
        }
        Map<String, String> experiments = experimentNames();
        Map<String, Map<String, String>> params = keyValues("params", positions);
        Map<String, Map<String, String>> tags = keyValues("tags", positions);
        Map<String, List<DataRef>> data = dataRefs(positions);
        List<Run> runs = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        boolean interrupted = false;
        try (MlflowSqlMetricCursor metrics = schema.has("metrics")
                ? new MlflowSqlMetricCursor(db, schema, positions, file) : null) {
            for (int i = 0; i < rows.size(); i++) {
                if (Thread.interrupted()) {
                    interrupted = true;
                    break;
                }
                RunRow row = rows.get(i);
                Map<String, String> runTags = tags.getOrDefault(row.uuid(), Map.of());
                progress.update(i, rows.size(), displayName(row, runTags));
                List<ImportProblem> runProblems = new ArrayList<>();
                Run.Builder run = Run.builder(FORMAT, source, row.uuid());
                readRow(row, experiments, run, runProblems);
                params.getOrDefault(row.uuid(), Map.of()).forEach((k, v) ->
                        run.param(k, v == null ? ParamValue.nullValue("") : ParamValue.fromText(v)));
                MlflowTags.apply(runTags, run, row.name(), row.user(), file, runProblems);
                data.getOrDefault(row.uuid(), List.of()).forEach(run::data);
                if (metrics != null) {
                    for (MetricSeries series : metrics.take(i, runProblems)) {
                        run.metric(series);
                    }
                }
                runProblems.forEach(run::problem);
                problems.addAll(runProblems);
                runs.add(run.build());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        } else {
            progress.update(rows.size(), rows.size(), "");
        }
        return new ImportResult(runs, problems);
    }

    private void readRow(RunRow row, Map<String, String> experiments, Run.Builder run, List<ImportProblem> problems) {
        String where = "runs row " + row.uuid();
        run.experiment(row.experimentId() == null ? null : experiments.get(row.experimentId()));
        RunStatus status = MlflowStatus.parse(row.status());
        if (status == RunStatus.UNKNOWN) {
            problems.add(new ImportProblem(file, where, "status: unknown value '" + row.status() + "'"));
        }
        run.status(status);
        run.deleted("deleted".equalsIgnoreCase(row.lifecycle()));
        run.startTime(instant(row.start(), "start_time", where, problems));
        run.endTime(instant(row.end(), "end_time", where, problems));
        run.artifactUri(row.artifactUri());
    }

    private Instant instant(Object cell, String column, String where, List<ImportProblem> problems) {
        try {
            return MlflowSqlCells.instant(cell);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(file, where, column + ": " + e.getMessage()));
            return null;
        }
    }

    private static String displayName(RunRow row, Map<String, String> tags) {
        String name = MlflowTags.blankToNull(row.name());
        if (name == null) {
            name = MlflowTags.blankToNull(tags.get(MlflowTags.RUN_NAME));
        }
        return name != null ? name : row.uuid();
    }

    private List<RunRow> runRows() throws SQLException {
        String sql = "SELECT r.run_uuid, " + String.join(", ",
                schema.column("r", "runs", "name"), schema.column("r", "runs", "experiment_id"),
                schema.column("r", "runs", "user_id"), schema.column("r", "runs", "status"),
                schema.column("r", "runs", "start_time"), schema.column("r", "runs", "end_time"),
                schema.column("r", "runs", "lifecycle_stage"), schema.column("r", "runs", "artifact_uri"))
                + " FROM runs r WHERE r.run_uuid IS NOT NULL ORDER BY r.run_uuid";
        List<RunRow> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new RunRow(rs.getString(1), text(rs, 2), text(rs, 3), text(rs, 4), rs.getObject(5),
                        rs.getObject(6), rs.getObject(7), text(rs, 8), text(rs, 9)));
            }
        }
        return rows;
    }

    private Map<String, String> experimentNames() throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (!schema.has("experiments", "experiment_id") || !schema.has("experiments", "name")) {
            return names;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT experiment_id, name FROM experiments");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(text(rs, 1), text(rs, 2));
            }
        }
        return names;
    }

    /** {@code key → value} per run of the params or tags table, keys in order; rows of unknown runs dropped. */
    private Map<String, Map<String, String>> keyValues(String table, Map<String, Integer> runs) throws SQLException {
        Map<String, Map<String, String>> byRun = new HashMap<>();
        if (!schema.has(table, "run_uuid") || !schema.has(table, "key") || !schema.has(table, "value")) {
            return byRun;
        }
        String sql = "SELECT run_uuid, \"key\", value FROM " + table + " ORDER BY run_uuid, \"key\"";
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String uuid = rs.getString(1);
                String key = text(rs, 2);
                if (uuid != null && key != null && runs.containsKey(uuid)) {
                    byRun.computeIfAbsent(uuid, u -> new LinkedHashMap<>()).put(key, text(rs, 3));
                }
            }
        }
        if ("tags".equals(table)) {
            byRun.values().forEach(m -> m.replaceAll((k, v) -> v == null ? "" : v));
        }
        return byRun;
    }

    /** Datasets that runs used: {@code inputs} rows DATASET → RUN joined with {@code datasets} (MLflow ≥ 2.4). */
    private Map<String, List<DataRef>> dataRefs(Map<String, Integer> runs) throws SQLException {
        Map<String, List<DataRef>> byRun = new HashMap<>();
        boolean linked = schema.has("inputs", "source_type") && schema.has("inputs", "source_id")
                && schema.has("inputs", "destination_type") && schema.has("inputs", "destination_id")
                && schema.has("datasets", "dataset_uuid") && schema.has("datasets", "name");
        if (!linked) {
            return byRun;
        }
        boolean tagged = schema.has("inputs", "input_uuid") && schema.has("input_tags", "input_uuid")
                && schema.has("input_tags", "name") && schema.has("input_tags", "value");
        String context = tagged
                ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = ? LIMIT 1)"
                : "NULL";
        String sql = "SELECT i.destination_id, d.name, " + schema.column("d", "datasets", "digest") + ", " + context
                + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id"
                + " WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'"
                + " ORDER BY i.destination_id, d.name, 3";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (tagged) {
                ps.setString(1, DATA_CONTEXT);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String uuid = rs.getString(1);
                    if (uuid == null || !runs.containsKey(uuid)) {
                        continue;
                    }
                    String name = text(rs, 2);
                    String ctx = MlflowTags.blankToNull(text(rs, 4));
                    String origin = ctx == null ? DATA_ORIGIN : DATA_ORIGIN + " (" + ctx + ")";
                    byRun.computeIfAbsent(uuid, u -> new ArrayList<>())
                            .add(new DataRef(name == null ? "" : name, text(rs, 3), origin));
                }
            }
        }
        return byRun;
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        return MlflowSqlCells.text(rs.getObject(column));
    }
}
