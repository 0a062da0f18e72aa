package org.reprodiff.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedPreferencesReadBackEqual() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("app/preferences.json"));
        Preferences saved = new Preferences(List.of("/p/two", "/p/one"), Preferences.DARK, 1e-3, 0.5,
                List.of("*.timestamp", "output_dir"), List.of("val/loss"),
                new Preferences.WindowBounds(10, 20, 800, 600, true));
        store.save(saved);
        PreferencesStore.Loaded loaded = new PreferencesStore(dir.resolve("app/preferences.json")).load();
        assertNull(loaded.problem());
        assertEquals(saved, loaded.preferences());
        try (var files = Files.list(dir.resolve("app"))) {
            assertEquals(List.of("preferences.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutAMessage() {
        PreferencesStore.Loaded loaded = new PreferencesStore(dir.resolve("none.json")).load();
        assertEquals(Preferences.DEFAULTS, loaded.preferences());
        assertNull(loaded.problem());
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndAMessageNamingIt() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{\"recentProjects\": [\"/a\", ");
        PreferencesStore.Loaded loaded = new PreferencesStore(file).load();
        assertEquals(Preferences.DEFAULTS, loaded.preferences());
        assertNotNull(loaded.problem());
        assertTrue(loaded.problem().contains(file.toString()), loaded.problem());
        assertEquals("{\"recentProjects\": [\"/a\", ", Files.readString(file), "a corrupt file is left alone when read");
    }

    @Test
    void aFileOfTheWrongShapeGivesTheDefaultsAndAMessage() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "[1, 2, 3]");
        PreferencesStore.Loaded loaded = new PreferencesStore(file).load();
        assertEquals(Preferences.DEFAULTS, loaded.preferences());
        assertNotNull(loaded.problem());
    }

    @Test
    void aFolderInPlaceOfTheFileGivesTheDefaultsAndAMessage() throws Exception {
        Path file = Files.createDirectory(dir.resolve("preferences.json"));
        PreferencesStore.Loaded loaded = new PreferencesStore(file).load();
        assertEquals(Preferences.DEFAULTS, loaded.preferences());
        assertNotNull(loaded.problem());
    }

    @Test
    void unknownFieldsAreIgnoredAndBadValuesFallBackOneByOne() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{\"future\": 1, \"theme\": \"purple\", \"rtol\": -1, \"atol\": 0.25, "
                + "\"recentProjects\": [\"/x\", \"/x\", \"  \", \"/y\"]}");
        PreferencesStore.Loaded loaded = new PreferencesStore(file).load();
        assertNull(loaded.problem());
        Preferences p = loaded.preferences();
        assertEquals(Preferences.LIGHT, p.theme());
        assertEquals(1e-5, p.rtol());
        assertEquals(0.25, p.atol());
        assertEquals(List.of("/x", "/y"), p.recentProjects());
        assertEquals(List.of(), p.ignore());
        assertNull(p.window());
    }
}
