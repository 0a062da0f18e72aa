package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunSummary;
import org.reprodiff.sample.SampleProjectGenerator;
import org.reprodiff.store.SqliteRunStore;

/**
 * Crash safety: an import in a child JVM is killed ({@code destroyForcibly}, i.e. SIGKILL) at seeded random
 * moments, each once a random number of runs has been committed (so the kill lands mid-import on any machine);
 * after each kill the database passes {@code PRAGMA integrity_check} and every run in it is whole (all
 * its parameters and every point of every series) or absent. A last import run to its end then holds every run.
 */
class CrashSafetyTest {
    private static final int RUNS = 400;
    private static final int KILLS = 4;
    private static final int PARAMS = 20;
    private static final int METRICS = 5;
    private static final int POINTS = 100;

    @TempDir
    Path dir;

    @Test
    void killedImportsLeaveEveryRunWholeOrAbsent() throws Exception {
        Path mlruns = dir.resolve("mlruns");
        SampleProjectGenerator.writeSyntheticStore(mlruns, RUNS, PARAMS, 10, METRICS, POINTS, 3L);
        Path db = dir.resolve("runs.db");
        SplittableRandom random = new SplittableRandom(20261127L);
        int stored = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int target = stored + 1 + random.nextInt(Math.max(1, (RUNS - stored) / 3));
            Process child = importInChild(db, mlruns);
            while (child.isAlive() && storedRuns(db) < target) {
                child.waitFor(10, TimeUnit.MILLISECONDS);
            }
            assertTrue(child.isAlive(), "the import ended before run " + target + " was stored");
            child.destroyForcibly().waitFor();
            int now = assertWholeOrAbsent(db);
            assertTrue(now >= target, now + " runs after a kill past run " + target);
            stored = now;
        }

        Process last = importInChild(db, mlruns);
        assertTrue(last.waitFor(10, TimeUnit.MINUTES), "the last import did not finish");
        assertEquals(0, last.exitValue());
        assertEquals(RUNS, assertWholeOrAbsent(db), "every run after an import that ran to its end");
    }

    /** Runs committed so far, read while the child writes (WAL lets a reader in); 0 before the schema exists. */
    private static int storedRuns(Path db) {
        if (!db.toFile().exists()) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM runs")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    private Process importInChild(Path db, Path folder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", "--db", db.toString(), folder.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Checks the database after a kill; returns how many runs it holds. */
    private static int assertWholeOrAbsent(Path db) throws Exception {
        if (!db.toFile().exists()) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            List<RunSummary> runs = store.list();
            for (RunSummary summary : runs) {
                Run run = store.load(summary.id()).orElseThrow().run();
                assertEquals(PARAMS, run.params().size(), run.nativeId());
                assertEquals(METRICS, run.metrics().size(), run.nativeId());
                for (MetricSeries s : run.metrics()) {
                    assertEquals(POINTS, s.size(), run.nativeId() + " " + s.key());
                }
            }
            return runs.size();
        }
    }
}
