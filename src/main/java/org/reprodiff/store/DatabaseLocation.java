package org.reprodiff.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the run database lives by default: the user's application-data folder (XDG data home on Linux,
 * Application Support on macOS, %APPDATA% on Windows).
 */
public final class DatabaseLocation {
    public static final String FILE_NAME = "runs.db";

    private DatabaseLocation() {
    }

    public static Path defaultPath() {
        return defaultPath(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    static Path defaultPath(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve("Reprodiff").resolve(FILE_NAME);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Reprodiff", FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("reprodiff").resolve(FILE_NAME);
    }
}
