package org.reprodiff.ingest.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;

/**
 * Walks the whole {@code metrics} table once, ordered by run, key, timestamp and step, handing each run its
 * series as the runs are read in the same run order (a merge join: one query for all metrics, nothing held
 * beyond the run being read). Every row becomes a point, duplicated steps included, in logging order
 * (timestamp, then step, then insertion order). {@code is_nan = 1} is NaN and the stored extremes are the
 * infinities (FORMATS.md 1.2). Schemas without {@code step} or {@code is_nan} read as step 0 and not NaN. Rows of
 * runs that do not exist are skipped.
 *
 * <p>Run order is decided by SQLite for both queries ({@code ORDER BY run_uuid}), and the cursor compares only
 * run positions, never strings, so it agrees with SQLite's collation whatever it is.
 */
final class MlflowSqlMetricCursor implements AutoCloseable {
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Map<String, Integer> runPositions;
    private final String file;
    private boolean onRow;
    private boolean exhausted;

    /**
     * @param runPositions each run's position in the order the runs are read (SQLite's {@code ORDER BY run_uuid})
     * @param file         the database, as problems name it
     */
    MlflowSqlMetricCursor(Connection db, MlflowSqlSchema schema, Map<String, Integer> runPositions, String file)
            throws SQLException {
        this.runPositions = runPositions;
        this.file = file;
        String order = "m.run_uuid, m.\"key\", m.\"timestamp\""
                + (schema.has("metrics", "step") ? ", m.step" : "")
                + (schema.hasRowid("metrics") ? ", m.rowid" : "");
        String sql = "SELECT m.run_uuid, m.\"key\", m.value, " + schema.column("m", "metrics", "timestamp") + ", "
                + schema.column("m", "metrics", "step") + ", " + schema.column("m", "metrics", "is_nan")
                + " FROM metrics m ORDER BY " + order;
        this.statement = db.prepareStatement(sql);
        this.rows = statement.executeQuery();
    }

    /**
     * The series of the run at {@code position} (sorted by key), consuming its rows. Calls must come in
     * increasing position order. Bad rows are skipped and reported in {@code problems}.
     */
    List<MetricSeries> take(int position, List<ImportProblem> problems) throws SQLException {
        List<MetricSeries> series = new ArrayList<>();
        String key = null;
        MetricSeries.Builder current = null;
        while (advance()) {
            String uuid = rows.getString(1);
            Integer at = uuid == null ? null : runPositions.get(uuid);
            if (at != null && at > position) {
                break;
            }
            onRow = false;
            if (at == null) {
                continue;
            }
            if (at < position) {
                problems.add(new ImportProblem(file, where(uuid), "row out of run order; skipped"));
                continue;
            }
            String rowKey = rows.getString(2);
            if (rowKey == null) {
                problems.add(new ImportProblem(file, where(uuid), "metric key is NULL; row skipped"));
                continue;
            }
            if (!rowKey.equals(key)) {
                if (current != null) {
                    series.add(current.build());
                }
                key = rowKey;
                current = new MetricSeries.Builder(rowKey);
            }
            addPoint(current, uuid, rowKey, problems);
        }
        if (current != null) {
            series.add(current.build());
        }
        return series;
    }

    private void addPoint(MetricSeries.Builder series, String uuid, String key, List<ImportProblem> problems)
            throws SQLException {
        Object value = rows.getObject(3);
        Object timestamp = rows.getObject(4);
        Object step = rows.getObject(5);
        Object isNan = rows.getObject(6);
        try {
            Double stored = MlflowSqlCells.toDouble(value);
            if (stored == null) {
                throw new IllegalArgumentException("value is NULL");
            }
            Long ts = MlflowSqlCells.toLong(timestamp);
            Long st = MlflowSqlCells.toLong(step);
            series.add(st == null ? 0 : st, MlflowSqlCells.metricValue(stored, MlflowSqlCells.toFlag(isNan)),
                    ts == null ? MetricSeries.NO_TIME : MlflowSqlCells.metricMillis(ts));
        } catch (IllegalArgumentException e) {
            String at = where(uuid) + ", key=" + key + ", timestamp=" + MlflowSqlCells.text(timestamp) + ", step="
                    + MlflowSqlCells.text(step);
            problems.add(new ImportProblem(file, at, e.getMessage() + "; point skipped"));
        }
    }

    private static String where(String uuid) {
        return "metrics row run_uuid=" + uuid;
    }

    /** Moves to the next unconsumed row; false at the end. */
    private boolean advance() throws SQLException {
        if (onRow) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        onRow = rows.next();
        exhausted = !onRow;
        return onRow;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
