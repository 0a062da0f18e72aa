package org.reprodiff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void v001CreatesTheSchemaFromAnEmptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v0.db"))) {
            assertEquals(0, Migrations.version(c));
            Migrations.migrate(c, 1);
            assertEquals(1, Migrations.version(c));
            Set<String> tables = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.containsAll(Set.of("runs", "metrics", "units")), tables.toString());
        }
    }

    @Test
    void openingTwiceDoesNotMigrateAgain() {
        Path file = dir.resolve("runs.db");
        SqliteRunStore.open(file).close();
        try (SqliteRunStore store = SqliteRunStore.open(file)) {
            assertEquals(0, store.count());
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> SqliteRunStore.open(file));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
