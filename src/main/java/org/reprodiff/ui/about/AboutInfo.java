package org.reprodiff.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What Help ▸ About says: the version (the jar manifest's {@code Implementation-Version}; "development build"
 * when running from classes), the licence, and the libraries Reprodiff ships with their licences. A library's
 * version is read from the {@code pom.properties} Maven packs into its jar (kept by the shaded jar), blank when
 * absent, so the list never goes stale against the pom.
 */
public final class AboutInfo {
    public static final String LICENCE = "MIT License";
    public static final String COPYRIGHT = "Copyright (c) 2026 The Reprodiff authors";

    /** A library, its Maven coordinates (to find its version) and its licence. */
    public record Library(String name, String group, String artifact, String licence, String url) {
    }

    public static final List<Library> LIBRARIES = List.of(
            new Library("OpenJFX (JavaFX)", "org.openjfx", "javafx-controls", "GPL 2.0 with Classpath Exception", "https://openjfx.io"),
            new Library("SQLite JDBC", "org.xerial", "sqlite-jdbc", "Apache 2.0", "https://github.com/xerial/sqlite-jdbc"),
            new Library("Jackson", "com.fasterxml.jackson.core", "jackson-databind", "Apache 2.0", "https://github.com/FasterXML/jackson"),
            new Library("SnakeYAML", "org.yaml", "snakeyaml", "Apache 2.0", "https://bitbucket.org/snakeyaml/snakeyaml"),
            new Library("protobuf-java", "com.google.protobuf", "protobuf-java", "BSD 3-Clause", "https://protobuf.dev"),
            new Library("java-diff-utils", "io.github.java-diff-utils", "java-diff-utils", "Apache 2.0", "https://github.com/java-diff-utils/java-diff-utils"),
            new Library("picocli", "info.picocli", "picocli", "Apache 2.0", "https://picocli.info"),
            new Library("JFreeChart", "org.jfree", "jfreechart", "LGPL 2.1", "https://www.jfree.org/jfreechart/"),
            new Library("JFreeChart-FX", "org.jfree", "org.jfree.chart.fx", "LGPL 2.1", "https://github.com/jfree/jfreechart-fx"),
            new Library("FXGraphics2D", "org.jfree", "org.jfree.fxgraphics2d", "BSD 3-Clause", "https://github.com/jfree/fxgraphics2d"),
            new Library("Apache PDFBox", "org.apache.pdfbox", "pdfbox", "Apache 2.0", "https://pdfbox.apache.org"),
            new Library("PdfBoxGraphics2D", "de.rototor.pdfbox", "graphics2d", "Apache 2.0", "https://github.com/rototor/pdfbox-graphics2d"),
            new Library("Apache Commons Logging", "commons-logging", "commons-logging", "Apache 2.0", "https://commons.apache.org/logging/"),
            new Library("DejaVu fonts (jasperreports-fonts)", "net.sf.jasperreports", "jasperreports-fonts",
                    "DejaVu Fonts License (free)", "https://dejavu-fonts.github.io"));

    private AboutInfo() {
    }

    /** The app version, from the jar manifest. */
    public static String version() {
        String v = AboutInfo.class.getPackage() == null ? null : AboutInfo.class.getPackage().getImplementationVersion();
        if (v == null || v.isBlank()) {
            v = pomVersion("org.reprodiff", "reprodiff");
        }
        return v.isBlank() ? "development build" : v;
    }

    /** A library's version from its {@code pom.properties}; JavaFX's from the running toolkit; "—" when unknown. */
    public static String versionOf(Library library) {
        if (library.group().equals("org.openjfx")) {
            return System.getProperty("javafx.runtime.version", "");
        }
        String v = pomVersion(library.group(), library.artifact());
        return v.isBlank() ? "—" : v;
    }

    private static String pomVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = AboutInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }

    /** The full licence text when the build packs it ({@code org/reprodiff/ui/about/LICENSE}), else the short notice. */
    public static String licenceText() {
        try (InputStream in = AboutInfo.class.getResourceAsStream("/org/reprodiff/ui/about/LICENSE")) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            // fall through to the short notice
        }
        return LICENCE + "\n\n" + COPYRIGHT + "\n\nSee the LICENSE file that comes with Reprodiff for the full text.";
    }
}
