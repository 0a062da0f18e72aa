package org.reprodiff.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The typeface of charts and reports: DejaVu Sans, read from the class path (the {@code jasperreports-fonts}
 * jar ships the TrueType files), so a chart looks the same on screen, in the PDF (where the same files are
 * embedded) and on a machine without fonts installed. Falls back to the JDK's logical sans-serif font when the
 * files are missing. The resource names are public so that the PDF writer embeds the very same files.
 */
public final class ChartFonts {
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    public static final String SANS = DEJAVU + "DejaVuSans.ttf";
    public static final String SANS_BOLD = DEJAVU + "DejaVuSans-Bold.ttf";
    public static final String SANS_CONDENSED = DEJAVU + "DejaVuSansCondensed.ttf";
    public static final String SANS_CONDENSED_BOLD = DEJAVU + "DejaVuSansCondensed-Bold.ttf";
    public static final String MONO = DEJAVU + "DejaVuSansMono.ttf";

    private final Font regular;
    private final Font bold;

    public ChartFonts() {
        this.regular = load(SANS, Font.PLAIN);
        this.bold = load(SANS_BOLD, Font.BOLD);
    }

    public Font regular(float size) {
        return regular.deriveFont(Font.PLAIN, size);
    }

    public Font bold(float size) {
        return bold.deriveFont(bold.isBold() ? Font.BOLD : Font.PLAIN, size);
    }

    /** The face name of the regular font, as a PDF Graphics2D maps it to an embedded font. */
    public String regularName() {
        return regular.getFontName();
    }

    public String boldName() {
        return bold.getFontName();
    }

    /** Opens one of the font files above, or returns null when it is not on the class path. */
    public static InputStream open(String resource) {
        return ChartFonts.class.getResourceAsStream(resource);
    }

    private static Font load(String resource, int fallbackStyle) {
        try (InputStream in = open(resource)) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            // fall through to the logical font: a chart must still draw
        }
        return new Font(Font.SANS_SERIF, fallbackStyle, 10);
    }
}
