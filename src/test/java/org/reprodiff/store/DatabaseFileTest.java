package org.reprodiff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.TreeSnapshot;

/** A database this version must not use is refused with the way out, and left as it was. */
class DatabaseFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewerSchemaIsRefusedBeforeSqliteTouchesTheFile() throws Exception {
        Path file = dir.resolve("runs.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE future (x)");
            st.execute("PRAGMA user_version = 7");
        }
        Map<String, String> before = TreeSnapshot.of(dir);
        StoreException e = assertThrows(StoreException.class, () -> SqliteRunStore.open(file));
        assertTrue(e.getMessage().contains("schema version 7 is newer"), e.getMessage());
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertEquals(before, TreeSnapshot.of(dir), "no -wal or -shm file, no journal-mode change in the header");
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedWithTheWayOut() throws Exception {
        Path file = dir.resolve("runs.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(10));
        Map<String, String> before = TreeSnapshot.of(dir);
        StoreException e = assertThrows(StoreException.class, () -> SqliteRunStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("Move it aside"), e.getMessage());
        assertEquals(before, TreeSnapshot.of(dir));

        Files.write(file, Arrays.copyOf("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 40));
        assertTrue(assertThrows(StoreException.class, () -> SqliteRunStore.open(file)).getMessage().contains("cut short (40 bytes)"));
    }

    @Test
    void aDamagedDatabaseIsReportedNeverReplaced() throws Exception {
        Path file = dir.resolve("runs.db");
        try (SqliteRunStore store = SqliteRunStore.open(file)) {
            store.save(Run.builder("mlflow", "/runs/a", "a").status(RunStatus.FINISHED).build(), "unit-a", null);
        }
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, 100, Math.min(bytes.length, 4000), (byte) 0x55);
        Files.write(file, bytes);
        StoreException e = assertThrows(StoreException.class, () -> {
            try (SqliteRunStore store = SqliteRunStore.open(file)) {
                store.list();
            }
        });
        assertTrue(e.getMessage().contains("Move it aside"), e.getMessage());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)), "the damaged file is kept as it was");
    }

    @Test
    void anEmptyFileIsANewDatabase() throws Exception {
        Path file = Files.createFile(dir.resolve("runs.db"));
        try (SqliteRunStore store = SqliteRunStore.open(file)) {
            assertEquals(0, store.count());
        }
    }
}
