package org.reprodiff.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.reprodiff.store.DatabaseLocation;

/**
 * Reads and writes {@link Preferences} as a small JSON file, by default {@value #FILE_NAME} beside the default
 * run database in the user's application-data folder (never the run database itself). Loading never fails: a
 * missing file gives the defaults, an unreadable or corrupt one gives the defaults and a message saying so (the
 * file is left alone until the next save replaces it). Saving writes a sibling file and moves it into place, so
 * the file is whole or absent. Unknown fields are ignored, so older versions read newer files.
 */
public final class PreferencesStore {
    public static final String FILE_NAME = "preferences.json";
    /** A preferences file is a few kilobytes; anything much larger is not one. */
    private static final long MAX_BYTES = 1 << 20;

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public PreferencesStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The store in the user's application-data folder, beside the default run database. */
    public static PreferencesStore atDefaultLocation() {
        return new PreferencesStore(DatabaseLocation.defaultPath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Loaded preferences, and why the defaults were used instead of the file (null when they were not). */
    public record Loaded(Preferences preferences, String problem) {
    }

    public Loaded load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return fallback("it is larger than " + MAX_BYTES + " bytes");
            }
            Preferences read = mapper.readValue(file.toFile(), Preferences.class);
            return read == null ? fallback("it is empty") : new Loaded(read, null);
        } catch (NoSuchFileException e) {
            return new Loaded(Preferences.DEFAULTS, null);
        } catch (JacksonException e) {
            return fallback(e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return fallback(String.valueOf(e.getMessage()));
        }
    }

    private Loaded fallback(String why) {
        return new Loaded(Preferences.DEFAULTS, "The preferences file " + file + " could not be read (" + why
                + "). The defaults are used; the file will be replaced when a preference changes.");
    }

    public void save(Preferences preferences) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling(file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            mapper.writeValue(part.toFile(), preferences);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
