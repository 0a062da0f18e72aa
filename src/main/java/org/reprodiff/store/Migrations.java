package org.reprodiff.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations ({@code db/V001__*.sql} beside this class), tracked in {@code PRAGMA user_version}.
 * Each migration runs in one transaction together with the version bump, so a database is always at a whole
 * version.
 */
final class Migrations {
    /** In order; migration i (1-based) brings the schema to version i. */
    static final List<String> SCRIPTS = List.of("V001__runs.sql");

    private Migrations() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the database up to {@code target} (at most {@link #SCRIPTS}.size()). */
    static void migrate(Connection c, int target) throws SQLException {
        int current = version(c);
        if (current > SCRIPTS.size()) {
            throw new SQLException("database schema version " + current + " is newer than this Reprodiff knows ("
                    + SCRIPTS.size() + ")");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= target; v++) {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(SCRIPTS.get(v - 1))) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + v);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration " + SCRIPTS.get(v - 1) + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String[] statements(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("db/" + script)) {
            if (in == null) {
                throw new SQLException("missing migration resource db/" + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return java.util.Arrays.stream(text.split(";"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + script, e);
        }
    }
}
