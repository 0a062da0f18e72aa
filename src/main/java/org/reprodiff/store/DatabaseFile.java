package org.reprodiff.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an existing database file is, told from its first 100 bytes (the SQLite header) before SQLite opens it,
 * so a file this version must not touch is refused while still untouched: opening sets the journal mode, which
 * SQLite writes into the header, and creates {@code -wal}/{@code -shm} files. A file that is no SQLite database,
 * a database cut short, and a schema newer than this version's are each refused with a message that names the
 * file and the way out; Reprodiff never moves, replaces or deletes the file itself.
 */
final class DatabaseFile {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;
    private static final int USER_VERSION_OFFSET = 60;

    private DatabaseFile() {
    }

    /** Throws a {@link StoreException} unless {@code file} is absent, empty, or a SQLite database this version may open. */
    static void check(Path file, int knownVersion) {
        if (Files.isDirectory(file)) {
            throw new StoreException("cannot open database " + file + ": it is a folder", null);
        }
        byte[] header = new byte[HEADER];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(header, 0, HEADER);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            return;
        }
        if (n < HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreException(damaged(file, n < HEADER ? "it is cut short (" + n + " bytes)" : "it is not a SQLite database"), null);
        }
        int version = (header[USER_VERSION_OFFSET] & 0xff) << 24 | (header[USER_VERSION_OFFSET + 1] & 0xff) << 16
                | (header[USER_VERSION_OFFSET + 2] & 0xff) << 8 | header[USER_VERSION_OFFSET + 3] & 0xff;
        if (version > knownVersion) {
            throw new StoreException("cannot open database " + file + ": its schema version " + version
                    + " is newer than this Reprodiff knows (" + knownVersion + "); it was written by a newer version."
                    + " Use that version, or pick another database with --db; the file was left untouched.", null);
        }
    }

    /** The message for a database SQLite cannot read, with the way out. */
    static String damaged(Path file, String what) {
        return "cannot open database " + file + ": " + what + ". Move it aside (for example rename it to "
                + file.getFileName() + ".broken) and import your folders again; Reprodiff does not replace or delete it.";
    }

    /** Whether SQLite's error says the file is damaged rather than busy or missing. */
    static boolean isDamage(String sqliteMessage) {
        String m = sqliteMessage == null ? "" : sqliteMessage;
        return m.contains("malformed") || m.contains("not a database") || m.contains("SQLITE_CORRUPT")
                || m.contains("SQLITE_NOTADB");
    }
}
