package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.mlflow.MlflowSqlImporterTest.createFixture;
import static org.reprodiff.ingest.mlflow.MlflowSqlImporterTest.exec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;

/** Rows that do not match the current schema: bad cells in one run, and a pre-1.0 schema. */
class MlflowSqlOddRowsTest {
    @TempDir
    Path dir;

    private final MlflowSqlImporter importer = new MlflowSqlImporter();

    @Test
    void importsARunWithBadCellsAndReportsThem() throws Exception {
        Path db = createFixture(dir.resolve("mlflow.db"));
        String bad = "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            exec(c, "INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage,"
                    + " experiment_id) VALUES (?,?,?,?,?,?,?,?)", bad, "odd-run", "dave", "FINISHED", "yesterday",
                    1700000300000L, "active", 1);
            String metricSql = "INSERT INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
            exec(c, metricSql, "loss", "abc", 1700000201000L, bad, 0, 0);
            exec(c, metricSql, "loss", 0.6, 1700000202000L, bad, 1, 0);
        }
        ImportResult result = importer.read(db, (d, t, w) -> { });
        Run run = result.runs().stream().filter(r -> r.nativeId().equals(bad)).findFirst().orElse(null);
        assertNotNull(run);
        assertEquals(4, result.runs().size());
        assertNull(run.startTime());
        assertEquals(Instant.ofEpochMilli(1700000300000L), run.endTime());
        assertArrayEquals(new double[] {0.6}, run.metric("loss").values());
        assertEquals(2, run.problems().size());
        assertEquals(run.problems(), result.problems());
        assertEquals("runs row " + bad, run.problems().get(0).where());
        assertTrue(run.problems().get(0).message().contains("start_time")
                && run.problems().get(0).message().contains("yesterday"), run.problems().get(0).message());
        assertTrue(run.problems().get(1).where().startsWith("metrics row run_uuid=" + bad),
                run.problems().get(1).where());
        assertTrue(run.problems().get(1).message().contains("'abc'"), run.problems().get(1).message());
        assertEquals(db.toAbsolutePath().normalize().toString(), run.problems().get(0).file());
    }

    @Test
    void readsAnOldSchemaWithoutStepNanNameOrDatasets() throws Exception {
        Path db = dir.resolve("old.db");
        String uuid = "1234567890abcdef1234567890abcdef";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name VARCHAR(256),"
                        + " artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32))");
                st.execute("CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, source_type VARCHAR(20),"
                        + " user_id VARCHAR(256), status VARCHAR(20), start_time BIGINT, end_time BIGINT,"
                        + " lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER)");
                st.execute("CREATE TABLE params (\"key\" VARCHAR(250), value VARCHAR(250), run_uuid VARCHAR(32))");
                st.execute("CREATE TABLE tags (\"key\" VARCHAR(250), value VARCHAR(250), run_uuid VARCHAR(32))");
                st.execute("CREATE TABLE metrics (\"key\" VARCHAR(250), value FLOAT, timestamp BIGINT,"
                        + " run_uuid VARCHAR(32))");
            }
            exec(c, "INSERT INTO experiments VALUES (0, 'Default', './mlruns/0', 'active')");
            exec(c, "INSERT INTO runs VALUES (?, 'LOCAL', 'eve', 'FINISHED', 1553000000000, 1553000090000,"
                    + " 'active', './mlruns/0/x/artifacts', 0)", uuid);
            exec(c, "INSERT INTO tags VALUES ('mlflow.runName', 'first-try', ?)", uuid);
            exec(c, "INSERT INTO params VALUES ('epochs', '10', ?)", uuid);
            // MLflow before 1.0 logged metric timestamps in seconds
            exec(c, "INSERT INTO metrics VALUES ('loss', 0.5, 1553000010, ?)", uuid);
            exec(c, "INSERT INTO metrics VALUES ('loss', 0.4, 1553000020, ?)", uuid);
        }
        assertTrue(importer.canRead(db));
        ImportResult result = importer.read(db, (d, t, w) -> { });
        assertEquals(List.of(), result.problems());
        Run run = result.runs().get(0);
        assertEquals("first-try", run.name());
        assertEquals("Default", run.experiment());
        assertEquals(ParamValue.number(10, "10"), run.param("epochs").value());
        assertArrayEquals(new long[] {0, 0}, run.metric("loss").steps());
        assertArrayEquals(new double[] {0.5, 0.4}, run.metric("loss").values());
        assertArrayEquals(new long[] {1553000010000L, 1553000020000L}, run.metric("loss").wallTimes());
    }
}
