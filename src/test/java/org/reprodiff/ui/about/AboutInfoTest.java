package org.reprodiff.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AboutInfoTest {

    @Test
    void namesEveryShippedLibraryWithALicence() {
        List<String> names = AboutInfo.LIBRARIES.stream().map(AboutInfo.Library::name).toList();
        for (String expected : List.of("OpenJFX (JavaFX)", "SQLite JDBC", "Jackson", "SnakeYAML", "JFreeChart", "Apache PDFBox",
                "protobuf-java", "picocli", "java-diff-utils")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
        AboutInfo.LIBRARIES.forEach(l -> assertTrue(!l.licence().isBlank(), l.name()));
    }

    @Test
    void readsALibrarysVersionFromItsMavenMetadata() {
        AboutInfo.Library sqlite = AboutInfo.LIBRARIES.stream().filter(l -> l.artifact().equals("sqlite-jdbc")).findFirst().orElseThrow();
        assertTrue(AboutInfo.versionOf(sqlite).matches("\\d+\\.\\d+.*"), AboutInfo.versionOf(sqlite));
    }

    @Test
    void anUnknownVersionShowsADash() {
        assertEquals("—", AboutInfo.versionOf(new AboutInfo.Library("x", "no.such", "artifact", "MIT", "")));
    }

    @Test
    void outsideAJarTheVersionSaysDevelopmentBuild() {
        assertEquals("development build", AboutInfo.version());
    }
}
