package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.SeedRecord;

/**
 * The SQL-store importer over a small MLflow database built here by hand (schema of FORMATS.md 1.2, as MLflow
 * 2.13 writes it). Every expected value below was worked out from the rows inserted in {@link #createFixture}.
 */
class MlflowSqlImporterTest {
    static final String RUN_A = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String RUN_B = "5f0e1d2c3b4a59687766554433221100";
    static final String RUN_C = "9e8d7c6b5a4938271605f4e3d2c1b0a9";
    private static final double MAX = 1.7976931348623157e308;

    @TempDir
    Path dir;

    private final MlflowSqlImporter importer = new MlflowSqlImporter();

    /** Writes the fixture database: three runs (finished, running, deleted) in two experiments. */
    static Path createFixture(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String[] ddl = {
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT NULL"
                    + " UNIQUE, artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32), creation_time BIGINT,"
                    + " last_update_time BIGINT)",
                "CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), source_type"
                    + " VARCHAR(20), source_name VARCHAR(500), entry_point_name VARCHAR(50), user_id VARCHAR(256),"
                    + " status VARCHAR(9), start_time BIGINT, end_time BIGINT, source_version VARCHAR(50),"
                    + " lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER,"
                    + " deleted_time BIGINT, workspace VARCHAR(64))",
                "CREATE TABLE params (\"key\" VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL,"
                    + " run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (\"key\", run_uuid))",
                "CREATE TABLE tags (\"key\" VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32)"
                    + " NOT NULL, PRIMARY KEY (\"key\", run_uuid))",
                "CREATE TABLE metrics (\"key\" VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT"
                    + " NULL, run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN"
                    + " DEFAULT '0' NOT NULL, PRIMARY KEY (\"key\", timestamp, step, run_uuid, value, is_nan))",
                "CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid)",
                "CREATE TABLE latest_metrics (\"key\" VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp"
                    + " BIGINT, step BIGINT NOT NULL, is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL,"
                    + " PRIMARY KEY (\"key\", run_uuid))",
                "CREATE TABLE datasets (dataset_uuid VARCHAR(36) NOT NULL, experiment_id INTEGER NOT NULL, name"
                    + " VARCHAR(500) NOT NULL, digest VARCHAR(36) NOT NULL, dataset_source_type VARCHAR(36) NOT"
                    + " NULL, dataset_source TEXT NOT NULL, dataset_schema TEXT, dataset_profile TEXT,"
                    + " PRIMARY KEY (experiment_id, name, digest))",
                "CREATE TABLE inputs (input_uuid VARCHAR(36) NOT NULL, source_type VARCHAR(36) NOT NULL, source_id"
                    + " VARCHAR(36) NOT NULL, destination_type VARCHAR(36) NOT NULL, destination_id VARCHAR(36)"
                    + " NOT NULL, step BIGINT DEFAULT '0' NOT NULL,"
                    + " PRIMARY KEY (source_type, source_id, destination_type, destination_id))",
                "CREATE TABLE input_tags (input_uuid VARCHAR(36) NOT NULL, name VARCHAR(255) NOT NULL, value"
                    + " VARCHAR(500) NOT NULL, PRIMARY KEY (input_uuid, name))",
                "CREATE TABLE trace_info (request_id VARCHAR(50) PRIMARY KEY, experiment_id INTEGER)",
            };
            try (Statement st = c.createStatement()) {
                for (String sql : ddl) {
                    st.execute(sql);
                }
            }
            exec(c, "INSERT INTO alembic_version VALUES (?)", "5b0e9adcef9c");
            exec(c, "INSERT INTO experiments VALUES (?, ?, ?, ?, ?, ?)",
                    0, "Default", "file:///tmp/mlruns/0", "active", 1690000000000L, 1690000000000L);
            exec(c, "INSERT INTO experiments VALUES (?, ?, ?, ?, ?, ?)",
                    1, "tuning", "file:///tmp/mlruns/1", "active", 1699999990000L, 1699999990000L);
            String runSql = "INSERT INTO runs (run_uuid, name, source_type, user_id, status, start_time, end_time,"
                    + " lifecycle_stage, artifact_uri, experiment_id, deleted_time) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
            exec(c, runSql, RUN_C, "old-run", "LOCAL", "carol", "FAILED", 1690000000000L, 1690000005000L,
                    "deleted", "file:///tmp/mlruns/0/" + RUN_C + "/artifacts", 0, 1690000010000L);
            exec(c, runSql, RUN_A, "calm-fox-1", "LOCAL", "alice", "FINISHED", 1700000000000L, 1700000060000L,
                    "active", "file:///tmp/mlruns/1/" + RUN_A + "/artifacts", 1, null);
            exec(c, runSql, RUN_B, null, "LOCAL", "bob", "RUNNING", 1700000100000L, null,
                    "active", "file:///tmp/mlruns/1/" + RUN_B + "/artifacts", 1, null);
            String paramSql = "INSERT INTO params VALUES (?, ?, ?)";
            exec(c, paramSql, "lr", "0.01", RUN_A);
            exec(c, paramSql, "optimizer", "adam", RUN_A);
            exec(c, paramSql, "seed", "7", RUN_A);
            exec(c, paramSql, "lr", "0.001", RUN_B);
            exec(c, paramSql, "use_bn", "True", RUN_B);
            exec(c, paramSql, "lr", "9", "ffffffffffffffffffffffffffffffff");
            String tagSql = "INSERT INTO tags VALUES (?, ?, ?)";
            exec(c, tagSql, "mlflow.runName", "calm-fox-1", RUN_A);
            exec(c, tagSql, "mlflow.user", "alice", RUN_A);
            exec(c, tagSql, "mlflow.source.git.commit", "abc123def", RUN_A);
            exec(c, tagSql, "mlflow.runName", "brave-owl-2", RUN_B);
            // metrics of run A in an order unlike logging order: the importer must sort by (timestamp, step)
            String metricSql = "INSERT INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
            exec(c, metricSql, "loss", 0.25, 1700000008000L, RUN_A, 0, 0);
            exec(c, metricSql, "loss", 0.3, 1700000007000L, RUN_A, 6, 0);
            exec(c, metricSql, "loss", 0.4, 1700000007000L, RUN_A, 5, 0);
            exec(c, metricSql, "loss", -MAX, 1700000006000L, RUN_A, 4, 0);
            exec(c, metricSql, "loss", MAX, 1700000005000L, RUN_A, 3, 0);
            exec(c, metricSql, "loss", 0.0, 1700000004000L, RUN_A, 2, 1);
            exec(c, metricSql, "loss", 0.7, 1700000003000L, RUN_A, 1, 0);
            exec(c, metricSql, "loss", 0.5, 1700000002000L, RUN_A, 1, 0);
            exec(c, metricSql, "loss", 0.9, 1700000001000L, RUN_A, 0, 0);
            exec(c, metricSql, "acc", 0.85, 1700000002500L, RUN_A, 1, 0);
            exec(c, metricSql, "acc", 0.8, 1700000001500L, RUN_A, 0, 0);
            exec(c, metricSql, "loss", 1.2, 1700000101000L, RUN_B, 0, 0);
            exec(c, metricSql, "loss", 5.0, 1700000001000L, "ffffffffffffffffffffffffffffffff", 0, 0);
            exec(c, "INSERT INTO latest_metrics VALUES (?, ?, ?, ?, ?, ?)", "loss", 0.3, 1700000007000L, 6, 0, RUN_A);
            String datasetSql = "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            exec(c, datasetSql, "ds-iris-0001", 1, "iris", "a1b2c3d4", "local", "{\"uri\": \"/data/iris.csv\"}",
                    null, null);
            exec(c, datasetSql, "ds-test-0002", 1, "iris-test", "e5f6a7b8", "local", "{\"uri\": \"/data/t.csv\"}",
                    null, null);
            String inputSql = "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type,"
                    + " destination_id) VALUES (?, ?, ?, ?, ?)";
            exec(c, inputSql, "in-0002", "DATASET", "ds-test-0002", "RUN", RUN_A);
            exec(c, inputSql, "in-0001", "DATASET", "ds-iris-0001", "RUN", RUN_A);
            exec(c, inputSql, "in-0003", "MODEL", "m-0123", "RUN", RUN_A);
            exec(c, "INSERT INTO input_tags VALUES (?, ?, ?)", "in-0001", "mlflow.data.context", "training");
        }
        return file;
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Every entry under {@code root}: relative path → size, modification time and SHA-256 (links not followed). */
    static Map<String, String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : files.toList()) {
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p)) {
                    what = "dir " + Files.getLastModifiedTime(p);
                } else {
                    what = Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + sha256(p);
                }
                out.put(root.relativize(p).toString(), what);
            }
            return out;
        }
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Run> byId(ImportResult result) {
        return result.runs().stream().collect(Collectors.toMap(Run::nativeId, Function.identity()));
    }

    @Test
    void readsEveryRunWithItsRecordFields() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        ImportResult result = importer.read(db, (d, t, w) -> { });
        assertEquals(List.of(), result.problems());
        Map<String, Run> runs = byId(result);
        assertEquals(3, runs.size());
        String source = db.toRealPath().toString();

        Run a = runs.get(RUN_A);
        assertEquals("mlflow", a.format());
        assertEquals(source, a.source());
        assertEquals("calm-fox-1", a.name());
        assertEquals("tuning", a.experiment());
        assertEquals(RunStatus.FINISHED, a.status());
        assertFalse(a.deleted());
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), a.startTime());
        assertEquals(Instant.parse("2023-11-14T22:14:20Z"), a.endTime());
        assertEquals("alice", a.user());
        assertEquals("file:///tmp/mlruns/1/" + RUN_A + "/artifacts", a.artifactUri());
        assertEquals("abc123def", a.code().commit());

        Run b = runs.get(RUN_B);
        assertEquals("brave-owl-2", b.name());
        assertEquals(RunStatus.RUNNING, b.status());
        assertEquals(Instant.parse("2023-11-14T22:15:00Z"), b.startTime());
        assertNull(b.endTime());
        assertEquals("bob", b.user());

        Run c = runs.get(RUN_C);
        assertEquals("old-run", c.name());
        assertEquals("Default", c.experiment());
        assertEquals(RunStatus.FAILED, c.status());
        assertTrue(c.deleted());
        assertEquals(List.of(), c.params());
        assertEquals(List.of(), c.metrics());
    }

    @Test
    void typesParamsFromTextAndFindsSeeds() throws Exception {
        Map<String, Run> runs = byId(importer.read(createFixture(dir.resolve("mlflow.db")), (d, t, w) -> { }));
        Run a = runs.get(RUN_A);
        assertEquals(ParamValue.number(0.01, "0.01"), a.param("lr").value());
        assertEquals(ParamValue.string("adam"), a.param("optimizer").value());
        assertEquals(List.of(new SeedRecord("seed", "7", "param")), a.seeds());
        Run b = runs.get(RUN_B);
        assertEquals(ParamValue.bool(true, "True"), b.param("use_bn").value());
        assertEquals(2, b.params().size());
        assertEquals("brave-owl-2", b.tags().get("mlflow.runName"));
    }

    @Test
    void readsMetricsInLoggingOrderWithNanInfinitiesAndRepeatedSteps() throws Exception {
        Run a = byId(importer.read(createFixture(dir.resolve("mlflow.db")), (d, t, w) -> { })).get(RUN_A);
        MetricSeries loss = a.metric("loss");
        assertArrayEquals(new long[] {0, 1, 1, 2, 3, 4, 5, 6, 0}, loss.steps());
        assertArrayEquals(new double[] {0.9, 0.5, 0.7, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.4, 0.3, 0.25}, loss.values());
        assertArrayEquals(new long[] {1700000001000L, 1700000002000L, 1700000003000L, 1700000004000L,
                1700000005000L, 1700000006000L, 1700000007000L, 1700000007000L, 1700000008000L}, loss.wallTimes());
        MetricSeries acc = a.metric("acc");
        assertArrayEquals(new long[] {0, 1}, acc.steps());
        assertArrayEquals(new double[] {0.8, 0.85}, acc.values());
        assertEquals(List.of("acc", "loss"), a.metrics().stream().map(MetricSeries::key).toList());

        MetricSeries runningLoss = byId(importer.read(dir.resolve("mlflow.db"), (d, t, w) -> { }))
                .get(RUN_B).metric("loss");
        assertArrayEquals(new double[] {1.2}, runningLoss.values());
        assertArrayEquals(new long[] {1700000101000L}, runningLoss.wallTimes());
    }

    @Test
    void readsDatasetInputsWithTheirContext() throws Exception {
        Map<String, Run> runs = byId(importer.read(createFixture(dir.resolve("mlflow.db")), (d, t, w) -> { }));
        assertEquals(List.of(new DataRef("iris", "a1b2c3d4", "mlflow input (training)"),
                new DataRef("iris-test", "e5f6a7b8", "mlflow input")), runs.get(RUN_A).data());
        assertEquals(List.of(), runs.get(RUN_B).data());
    }

    @Test
    void writesNothingBesideTheDatabase() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        Map<String, String> before = listing(dir);
        assertTrue(importer.canRead(db));
        assertEquals(3, importer.read(db, (d, t, w) -> { }).runs().size());
        assertEquals(before, listing(dir));
        assertEquals(List.of("mlflow.db"), before.keySet().stream().filter(k -> !k.isEmpty()).toList());
    }

    /** A reader of a WAL-mode database opened without immutable=1 creates -wal and -shm even when read-only. */
    @Test
    void createsNoWalOrShmForAWalModeDatabase() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
        }
        Map<String, String> before = listing(dir);
        assertEquals(List.of("mlflow.db"), before.keySet().stream().filter(k -> !k.isEmpty()).toList());
        assertTrue(importer.canRead(db));
        ImportResult result = importer.read(db, (d, t, w) -> { });
        assertEquals(3, result.runs().size());
        assertEquals(List.of(), result.problems());
        assertEquals(before, listing(dir));
    }

    @Test
    void readsAPathWithSpacesHashAndQuestionMark() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("my runs #1?x"));
        Path db = createFixture(sub.resolve("back end #2?.sqlite"));
        Map<String, String> before = listing(dir);
        assertTrue(importer.canRead(db));
        ImportResult result = importer.read(db, (d, t, w) -> { });
        assertEquals(List.of(), result.problems());
        assertEquals(3, result.runs().size());
        assertEquals(db.toRealPath().toString(), result.runs().get(0).source());
        assertEquals(before, listing(dir));
    }

    @Test
    void reportsProgressPerRun() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        List<String> updates = new ArrayList<>();
        importer.read(db, (done, total, what) -> updates.add(done + "/" + total + " " + what));
        assertEquals(List.of("0/3 calm-fox-1", "1/3 brave-owl-2", "2/3 old-run", "3/3 "), updates);
    }

    @Test
    void stopsBetweenRunsWhenInterrupted() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        ImportResult result = importer.read(db, (done, total, what) -> {
            if (done == 0) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(Thread.interrupted(), "the interrupt is left set for the caller");
        assertEquals(List.of(RUN_A), result.runs().stream().map(Run::nativeId).toList());
        assertEquals(List.of(), result.problems());
    }
}
