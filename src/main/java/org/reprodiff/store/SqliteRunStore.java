package org.reprodiff.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.RunSummary;
import org.reprodiff.model.StoredRun;

/**
 * The SQLite run store: WAL with {@code synchronous=NORMAL}, foreign keys on, prepared statements only, schema
 * by {@link Migrations}. Thread-safe: one connection, every call synchronised.
 */
public final class SqliteRunStore implements RunStore {
    /**
     * The runs list: every run with its twin key when its twin group holds several runs (group sizes from one
     * grouped pass, not a count per row). Public so the benchmark's {@code sqlite3} anchor runs the same SQL.
     */
    public static final String SUMMARY_SELECT = "SELECT r.id, r.format, r.native_id, r.name, r.experiment, r.status,"
            + " r.source, r.start_time, r.end_time, r.param_count, r.deleted, r.truncated,"
            + " CASE WHEN g.n > 1 THEN r.twin_key END FROM runs r LEFT JOIN"
            + " (SELECT twin_key, count(*) AS n FROM runs WHERE twin_key IS NOT NULL GROUP BY twin_key) g"
            + " ON g.twin_key = r.twin_key";
    /** Each run's metric keys in one row per run, joined by the unit separator (U+001F). */
    public static final String METRIC_KEYS_SELECT = "SELECT run_id, group_concat(key, char(31)) FROM metrics";


    private final Connection connection;
    private final RunDocumentCodec codec = new RunDocumentCodec();

    private SqliteRunStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static SqliteRunStore open(Path file) {
        DatabaseFile.check(file.toAbsolutePath(), Migrations.SCRIPTS.size());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
                Migrations.migrate(c, Migrations.SCRIPTS.size());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new SqliteRunStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException(DatabaseFile.isDamage(e.getMessage()) ? DatabaseFile.damaged(file, "it is damaged ("
                    + e.getMessage() + ")") : "cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Saved save(Run run, String unit, String twinKey) {
        try {
            connection.setAutoCommit(false);
            try {
                Long id = existingId(run.source(), run.nativeId());
                Saved saved;
                if (id == null) {
                    id = insert(run, unit, twinKey);
                    saved = Saved.NEW;
                } else {
                    update(id, run, unit, twinKey);
                    try (PreparedStatement del = connection.prepareStatement("DELETE FROM metrics WHERE run_id = ?")) {
                        del.setLong(1, id);
                        del.executeUpdate();
                    }
                    saved = Saved.UPDATED;
                }
                insertMetrics(id, run.metrics());
                connection.commit();
                return saved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save run " + run.nativeId() + " from " + run.source() + ": " + e.getMessage(), e);
        }
    }

    private Long existingId(String source, String nativeId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM runs WHERE source = ? AND native_id = ?")) {
            ps.setString(1, source);
            ps.setString(2, nativeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long insert(Run run, String unit, String twinKey) throws SQLException {
        String sql = "INSERT INTO runs (format, source, native_id, unit, name, experiment, status, deleted, truncated,"
                + " start_time, end_time, user_name, param_count, facets, twin_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindRun(ps, run, unit, twinKey);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(long id, Run run, String unit, String twinKey) throws SQLException {
        String sql = "UPDATE runs SET format=?, source=?, native_id=?, unit=?, name=?, experiment=?, status=?, deleted=?,"
                + " truncated=?, start_time=?, end_time=?, user_name=?, param_count=?, facets=?, twin_key=? WHERE id=?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindRun(ps, run, unit, twinKey);
            ps.setLong(16, id);
            ps.executeUpdate();
        }
    }

    private void bindRun(PreparedStatement ps, Run run, String unit, String twinKey) throws SQLException {
        ps.setString(1, run.format());
        ps.setString(2, run.source());
        ps.setString(3, run.nativeId());
        ps.setString(4, unit);
        ps.setString(5, run.name());
        ps.setString(6, run.experiment());
        ps.setString(7, run.status().name());
        ps.setInt(8, run.deleted() ? 1 : 0);
        ps.setInt(9, run.truncated() ? 1 : 0);
        setInstant(ps, 10, run.startTime());
        setInstant(ps, 11, run.endTime());
        ps.setString(12, run.user());
        ps.setInt(13, run.params().size());
        ps.setString(14, codec.encode(run));
        ps.setString(15, twinKey);
    }

    private void insertMetrics(long runId, List<MetricSeries> metrics) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO metrics (run_id, key, points, last_value, data) VALUES (?,?,?,?,?)")) {
            for (MetricSeries m : metrics) {
                ps.setLong(1, runId);
                ps.setString(2, m.key());
                ps.setInt(3, m.size());
                double last = m.last();
                if (Double.isFinite(last)) {
                    ps.setDouble(4, last);
                } else {
                    ps.setNull(4, Types.REAL);
                }
                ps.setBytes(5, SeriesCodec.encode(m));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public synchronized Optional<String> unitFingerprint(String unit) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT fingerprint FROM units WHERE path = ?")) {
            ps.setString(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read unit " + unit, e);
        }
    }

    @Override
    public synchronized void recordUnit(String unit, String format, String fingerprint) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO units (path, format, fingerprint) VALUES (?,?,?)"
                        + " ON CONFLICT(path) DO UPDATE SET format = excluded.format, fingerprint = excluded.fingerprint")) {
            ps.setString(1, unit);
            ps.setString(2, format);
            ps.setString(3, fingerprint);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record unit " + unit, e);
        }
    }

    @Override
    public synchronized int countRunsOfUnit(String unit) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM runs WHERE unit = ?")) {
            ps.setString(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw fail("count runs of " + unit, e);
        }
    }

    @Override
    public synchronized List<RunSummary> list() {
        return summaries(SUMMARY_SELECT + " ORDER BY r.id", null);
    }

    @Override
    public synchronized List<RunSummary> findByNativeIdPrefix(String prefix) {
        String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return summaries(SUMMARY_SELECT + " WHERE r.native_id LIKE ? ESCAPE '!' ORDER BY r.id", escaped + "%");
    }

    @Override
    public synchronized List<RunSummary> findByName(String name) {
        return summaries(SUMMARY_SELECT + " WHERE r.name = ? ORDER BY r.id", name);
    }

    @Override
    public synchronized List<RunSummary> findBySource(String source) {
        return summaries(SUMMARY_SELECT + " WHERE r.source = ? ORDER BY r.id", source);
    }

    private List<RunSummary> summaries(String sql, String arg) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                            rs.getInt(10), rs.getInt(11) != 0, rs.getInt(12) != 0, rs.getString(13)});
                }
            }
            Map<Long, List<String>> keys = metricKeys(rows.size() == 1 ? (Long) rows.get(0)[0] : null);
            List<RunSummary> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                long id = (Long) r[0];
                out.add(new RunSummary(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        RunStatus.parse((String) r[5]), (String) r[6], (Instant) r[7], (Instant) r[8], (Integer) r[9],
                        keys.getOrDefault(id, List.of()), (Boolean) r[10], (Boolean) r[11], (String) r[12]));
            }
            return out;
        } catch (SQLException e) {
            throw fail("list runs", e);
        }
    }

    private Map<Long, List<String>> metricKeys(Long onlyRun) throws SQLException {
        Map<Long, List<String>> keys = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        String sql = METRIC_KEYS_SELECT + (onlyRun == null ? "" : " WHERE run_id = ?") + " GROUP BY run_id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (onlyRun != null) {
                ps.setLong(1, onlyRun);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] split = rs.getString(2).split("\u001f");
                    Arrays.sort(split);
                    for (int i = 0; i < split.length; i++) {
                        split[i] = shared.computeIfAbsent(split[i], k -> k);
                    }
                    keys.put(rs.getLong(1), List.of(split));
                }
            }
        }
        return keys;
    }

    @Override
    public synchronized List<Long> twinsOf(long id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM runs WHERE twin_key = (SELECT twin_key FROM runs WHERE id = ?) ORDER BY id")) {
            ps.setLong(1, id);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw fail("find twins", e);
        }
    }

    @Override
    public synchronized Map<String, Double> lastValues(long id) {
        Map<String, Double> values = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT key, last_value FROM metrics WHERE run_id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Object v = rs.getObject(2);
                    values.put(rs.getString(1), v instanceof Number n ? n.doubleValue() : Double.NaN);
                }
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException("cannot read the last values of run " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StoredRun> load(long id) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT format, source, native_id, name, experiment, status, deleted, truncated, start_time, end_time,"
                        + " user_name, facets FROM runs WHERE id = ?")) {
            ps.setLong(1, id);
            Run.Builder b;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                b = Run.builder(rs.getString(1), rs.getString(2), rs.getString(3))
                        .name(rs.getString(4)).experiment(rs.getString(5)).status(RunStatus.parse(rs.getString(6)))
                        .deleted(rs.getInt(7) != 0).truncated(rs.getInt(8) != 0)
                        .startTime(instant(rs, 9)).endTime(instant(rs, 10)).user(rs.getString(11));
                codec.decodeInto(rs.getString(12), b);
            }
            try (PreparedStatement ms = connection.prepareStatement("SELECT key, data FROM metrics WHERE run_id = ? ORDER BY key")) {
                ms.setLong(1, id);
                try (ResultSet rs = ms.executeQuery()) {
                    while (rs.next()) {
                        b.metric(SeriesCodec.decode(rs.getString(1), rs.getBytes(2)));
                    }
                }
            }
            return Optional.of(new StoredRun(id, b.build()));
        } catch (SQLException e) {
            throw fail("load run " + id, e);
        }
    }

    @Override
    public synchronized int count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM runs")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw fail("count runs", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static StoreException fail(String what, SQLException e) {
        return new StoreException("database: cannot " + what + ": " + e.getMessage(), e);
    }
}
