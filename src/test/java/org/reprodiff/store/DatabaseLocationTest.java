package org.reprodiff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {
    @Test
    void usesXdgDataHomeOnLinux() {
        assertEquals(Path.of("/data/reprodiff/runs.db"), DatabaseLocation.defaultPath("Linux", Map.of("XDG_DATA_HOME", "/data"), "/home/a"));
        assertEquals(Path.of("/home/a/.local/share/reprodiff/runs.db"), DatabaseLocation.defaultPath("Linux", Map.of(), "/home/a"));
    }

    @Test
    void usesApplicationSupportOnMacAndAppDataOnWindows() {
        assertEquals(Path.of("/Users/a/Library/Application Support/Reprodiff/runs.db"), DatabaseLocation.defaultPath("Mac OS X", Map.of(), "/Users/a"));
        assertEquals(Path.of("C:/Users/a/AppData/Roaming", "Reprodiff", "runs.db"),
                DatabaseLocation.defaultPath("Windows 11", Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "C:/Users/a"));
    }
}
