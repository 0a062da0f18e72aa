package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.sqlite.SQLiteConfig;

/**
 * Reads MLflow's SQL tracking store when it is a SQLite file ({@code mlflow.db} or any other name; FORMATS.md
 * 1.2). Its runs have format {@code mlflow}, like those of the file store: both are MLflow runs. The database is
 * the unit and is read again whole when it changes.
 *
 * <p>Invariants: the file is opened read-only and immutable through a {@code file:} URI, so SQLite takes no
 * locks and writes nothing beside it (no {@code -journal}, {@code -wal} or {@code -shm}); the SQLite header is
 * checked before any connection is opened; nothing here throws for a bad file: an unreadable database is one
 * problem and no runs, a bad row is a problem on its run.
 */
public final class MlflowSqlImporter implements RunImporter {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The smallest valid database: one page of the smallest page size. */
    private static final long MIN_SIZE = 512;

    @Override
    public String formatId() {
        return MlflowSqlReader.FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        try {
            return canRead(path, Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks kind and size from the given attributes (a link is looked at through), then the header and tables. */
    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        try {
            BasicFileAttributes a = attributes.isSymbolicLink() ? Files.readAttributes(path, BasicFileAttributes.class) : attributes;
            if (!a.isRegularFile() || a.size() < MIN_SIZE || !hasSqliteHeader(path)) {
                return false;
            }
            try (Connection db = open(path)) {
                return MlflowSqlSchema.tableNames(db).containsAll(MlflowSqlSchema.REQUIRED_TABLES);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }


    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path path = unit.toAbsolutePath().normalize();
        String file = path.toString();
        String unreadable = whyUnreadable(path);
        if (unreadable != null) {
            return ImportResult.failed(new ImportProblem(file, "", unreadable));
        }
        String source;
        try {
            source = path.toRealPath().toString();
        } catch (IOException e) {
            return ImportResult.failed(new ImportProblem(file, "", "cannot resolve the path: " + e.getMessage()));
        }
        try (Connection db = open(path)) {
            Set<String> tables = MlflowSqlSchema.tableNames(db);
            if (!tables.contains("runs")) {
                return ImportResult.failed(new ImportProblem(file, "",
                        "a SQLite database without MLflow's 'runs' table; not an MLflow tracking database"));
            }
            MlflowSqlSchema schema = MlflowSqlSchema.read(db);
            if (!schema.has("runs", "run_uuid")) {
                return ImportResult.failed(new ImportProblem(file, "", "table 'runs' has no run_uuid column"));
            }
            ImportResult result = new MlflowSqlReader(db, schema, source, file).read(progress);
            List<ImportProblem> sidecars = sidecarProblems(path, file);
            if (sidecars.isEmpty()) {
                return result;
            }
            List<ImportProblem> problems = new ArrayList<>(sidecars);
            problems.addAll(result.problems());
            return new ImportResult(result.runs(), problems);
        } catch (SQLException e) {
            return ImportResult.failed(new ImportProblem(file, "", "not a readable SQLite database: " + e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            return ImportResult.failed(new ImportProblem(file, "", "could not read the database: " + e));
        }
    }

    /**
     * The JDBC URL that opens {@code path} read-only and immutable: a {@code file:} URI with the absolute path
     * percent-encoded (so spaces, {@code #} and {@code ?} in names survive).
     */
    static String jdbcUrl(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toASCIIString();
        return "jdbc:sqlite:" + uri + "?mode=ro&immutable=1";
    }

    private static Connection open(Path path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection(jdbcUrl(path));
    }

    private static boolean hasSqliteHeader(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** Why the path cannot be a database, said plainly; null when it looks like one. */
    private static String whyUnreadable(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return "is a folder, not an MLflow database file";
            }
            if (!Files.exists(path)) {
                return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                        ? "is a link to a file that does not exist" : "does not exist";
            }
            if (!Files.isRegularFile(path)) {
                return "is not a regular file";
            }
            long size = Files.size(path);
            if (size < MIN_SIZE) {
                return "is " + size + " bytes long, too short to be a SQLite database";
            }
            if (!hasSqliteHeader(path)) {
                return "is not a SQLite database (no 'SQLite format 3' header)";
            }
            return null;
        } catch (IOException e) {
            return "cannot be read: " + e;
        }
    }

    /**
     * Immutable mode reads the main file only. A write-ahead log or hot journal beside it means the file alone may
     * lack recent changes (an open MLflow server, or a crash); say so rather than read silently.
     */
    private static List<ImportProblem> sidecarProblems(Path path, String file) {
        List<ImportProblem> problems = new ArrayList<>();
        for (String suffix : List.of("-wal", "-journal")) {
            Path sidecar = path.resolveSibling(path.getFileName() + suffix);
            try {
                if (Files.isRegularFile(sidecar) && Files.size(sidecar) > 0) {
                    problems.add(new ImportProblem(file, "", "a non-empty " + sidecar.getFileName()
                            + " lies beside the database and was not read: the newest changes may be missing"));
                }
            } catch (IOException e) {
                // the database itself was read; an unreadable side file changes nothing
            }
        }
        return problems;
    }
}
