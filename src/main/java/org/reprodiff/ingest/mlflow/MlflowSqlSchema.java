package org.reprodiff.ingest.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns an MLflow database actually has (FORMATS.md 1.2), read from {@code sqlite_master} and
 * {@code PRAGMA table_info} so queries name only what exists: older schemas lack {@code runs.name},
 * {@code metrics.step}, {@code metrics.is_nan} and the dataset tables; newer ones add tables we ignore. Names are
 * compared case-insensitively, as SQLite does.
 */
final class MlflowSqlSchema {
    /** The tables that make a SQLite file an MLflow tracking database ({@code alembic_version} is not required). */
    static final List<String> REQUIRED_TABLES = List.of("experiments", "runs", "params", "tags", "metrics");

    private final Map<String, Set<String>> columns;
    private final Set<String> withoutRowid;

    private MlflowSqlSchema(Map<String, Set<String>> columns, Set<String> withoutRowid) {
        this.columns = columns;
        this.withoutRowid = withoutRowid;
    }

    /** Reads the table list only (cheap enough for a sniff). */
    static Set<String> tableNames(Connection db) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static MlflowSqlSchema read(Connection db) throws SQLException {
        Map<String, Set<String>> columns = new HashMap<>();
        Set<String> withoutRowid = new HashSet<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(Locale.ROOT);
                columns.put(table, new HashSet<>());
                String sql = rs.getString(2);
                if (sql != null && sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("WITHOUT ROWID")) {
                    withoutRowid.add(table);
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : columns.entrySet()) {
            try (PreparedStatement ps = db.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                ps.setString(1, table.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        table.getValue().add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new MlflowSqlSchema(columns, withoutRowid);
    }

    boolean has(String table) {
        return columns.containsKey(table);
    }

    boolean has(String table, String column) {
        Set<String> cols = columns.get(table);
        return cols != null && cols.contains(column);
    }

    /** Whether rows of the table carry a rowid, i.e. an insertion order to break ties with. */
    boolean hasRowid(String table) {
        return has(table) && !withoutRowid.contains(table);
    }

    /**
     * A select-list item for {@code column} of the table under alias {@code alias}: the quoted column when it
     * exists, else {@code NULL}, so every query has the same shape whatever the schema version.
     */
    String column(String alias, String table, String column) {
        return has(table, column) ? alias + ".\"" + column + "\"" : "NULL";
    }
}
