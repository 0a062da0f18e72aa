package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;

/** What the SQL-store importer recognises, and how it fails on files that are not readable MLflow databases. */
class MlflowSqlFaultsTest {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final MlflowSqlImporter importer = new MlflowSqlImporter();

    /** Reads the path and checks it failed as one whole-file problem whose message contains {@code expected}. */
    private void assertFails(Path path, String expected) throws Exception {
        Map<String, String> before = MlflowSqlImporterTest.listing(dir);
        ImportResult result = importer.read(path, (d, t, w) -> { });
        assertEquals(List.of(), result.runs());
        assertEquals(1, result.problems().size(), result.problems().toString());
        ImportProblem problem = result.problems().get(0);
        assertEquals(path.toAbsolutePath().normalize().toString(), problem.file());
        assertEquals("", problem.where());
        assertTrue(problem.message().contains(expected), problem.message());
        assertEquals(before, MlflowSqlImporterTest.listing(dir));
    }

    @Test
    void recognisesTheFixtureUnderAnyName() throws Exception {
        Path db = MlflowSqlImporterTest.createFixture(dir.resolve("experiments.sqlite"));
        Map<String, String> before = MlflowSqlImporterTest.listing(dir);
        assertTrue(importer.canRead(db));
        assertEquals(before, MlflowSqlImporterTest.listing(dir));
        assertEquals("mlflow", importer.formatId());
        assertEquals(List.of(db), importer.units(db));
    }

    @Test
    void rejectsATextFile() throws Exception {
        Path file = dir.resolve("mlflow.db");
        Files.writeString(file, "not a database\n".repeat(100));
        assertFalse(importer.canRead(file));
        assertFails(file, "not a SQLite database");
    }

    @Test
    void rejectsASqliteFileWithoutMlflowTables() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            st.execute("INSERT INTO notes (body) VALUES ('hello')");
        }
        assertTrue(Files.size(db) >= 512);
        assertFalse(importer.canRead(db));
        assertFails(db, "without MLflow's 'runs' table");
    }

    @Test
    void rejectsASqliteFileMissingOneMlflowTable() throws Exception {
        Path db = MlflowSqlImporterTest.createFixture(dir.resolve("mlflow.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("DROP TABLE params");
        }
        assertFalse(importer.canRead(db));
    }

    @Test
    void rejectsATinyFile() throws Exception {
        Path file = dir.resolve("tiny.db");
        Files.write(file, Arrays.copyOf(MAGIC, 100));
        assertFalse(importer.canRead(file));
        assertFails(file, "100 bytes");
    }

    @Test
    void rejectsAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mlflow.db"));
        assertFalse(importer.canRead(folder));
        assertFails(folder, "is a folder");
    }

    @Test
    void rejectsADanglingLink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("mlflow.db"), dir.resolve("gone.db"));
        assertFalse(importer.canRead(link));
        assertFails(link, "link to a file that does not exist");
    }

    @Test
    void rejectsGarbageAfterTheHeader() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        Path file = dir.resolve("corrupt.db");
        Files.write(file, bytes);
        assertFalse(importer.canRead(file));
        assertFails(file, "not a readable SQLite database");
    }

    @Test
    void failsCleanlyOnADatabaseCutShort() throws Exception {
        Path db = MlflowSqlImporterTest.createFixture(dir.resolve("mlflow.db"));
        byte[] whole = Files.readAllBytes(db);
        Path cut = dir.resolve("cut.db");
        Files.write(cut, Arrays.copyOf(whole, 4096 * 3));
        Files.delete(db);
        assertFails(cut, "not a readable SQLite database");
    }

    @Test
    void warnsAboutAWriteAheadLogItCannotRead() throws Exception {
        Path db = MlflowSqlImporterTest.createFixture(dir.resolve("mlflow.db"));
        Files.writeString(dir.resolve("mlflow.db-wal"), "pending pages");
        ImportResult result = importer.read(db, (d, t, w) -> { });
        assertEquals(3, result.runs().size());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("mlflow.db-wal"), result.problems().toString());
    }
}
