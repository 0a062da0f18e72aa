package org.reprodiff.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.reprodiff.chart.ChartFonts;

/**
 * The fonts of one PDF: DejaVu Sans (regular, bold, condensed, mono), embedded as subsets from the same files the
 * charts use, and a fallback chain for text they cannot show. A code point goes to the first font that has a
 * glyph for it: the style's font, then DejaVu Sans, then a CJK-capable system font when one is installed (read
 * from common paths, only when a page needs it); what no font has (most emoji) is drawn as {@code ?}, so text is
 * never dropped and drawing never fails. Close after the document is saved (subsets are written on save).
 */
final class PdfFonts implements Closeable {
    /** TrueType fonts (or collections) with CJK glyphs, tried in order when DejaVu lacks a glyph. */
    static final List<String> FALLBACK_PATHS = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/unifont/unifont.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "C:/Windows/Fonts/arialuni.ttf");
    static final char REPLACEMENT = '?';

    final PDFont regular;
    final PDFont bold;
    final PDFont condensed;
    final PDFont condensedBold;
    final PDFont mono;
    private final PDDocument document;
    private final List<Closeable> open = new ArrayList<>();
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDFont fallback;
    private boolean fallbackTried;

    PdfFonts(PDDocument document) throws IOException {
        this.document = document;
        this.regular = load(ChartFonts.SANS);
        this.bold = load(ChartFonts.SANS_BOLD);
        this.condensed = load(ChartFonts.SANS_CONDENSED);
        this.condensedBold = load(ChartFonts.SANS_CONDENSED_BOLD);
        this.mono = load(ChartFonts.MONO);
    }

    private PDFont load(String resource) throws IOException {
        try (InputStream in = ChartFonts.open(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is not on the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** A run of text drawn in one font. */
    record Segment(String text, PDFont font) {
    }

    /**
     * Splits one line of text into runs per font, each code point in the first font of the chain that has it,
     * {@link #REPLACEMENT} where none does. Control characters become spaces; invisible format characters
     * (joiners, variation selectors) are dropped.
     */
    List<Segment> segments(String text, PDFont primary) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        PDFont runFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (invisible(cp)) {
                continue;
            }
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                cp = ' ';
            }
            PDFont f = fontFor(cp, primary);
            if (f == null) {
                cp = REPLACEMENT;
                f = primary;
            }
            if (f != runFont && run.length() > 0) {
                out.add(new Segment(run.toString(), runFont));
                run.setLength(0);
            }
            runFont = f;
            run.appendCodePoint(cp);
        }
        if (run.length() > 0) {
            out.add(new Segment(run.toString(), runFont));
        }
        return out;
    }

    /** The width of a line in points, as {@link #segments} will draw it. */
    float width(String text, PDFont primary, float size) {
        float w = 0;
        for (Segment s : segments(text, primary)) {
            w += width(s, size);
        }
        return w;
    }

    static float width(Segment s, float size) {
        try {
            return s.font().getStringWidth(s.text()) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.text().length() * size * 0.6f;
        }
    }

    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private PDFont fontFor(int cp, PDFont primary) {
        if (has(primary, cp)) {
            return primary;
        }
        if (primary != regular && has(regular, cp)) {
            return regular;
        }
        PDFont f = fallback();
        return f != null && has(f, cp) ? f : null;
    }

    private boolean has(PDFont font, int cp) {
        return glyphs.computeIfAbsent(font, k -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                return false;
            }
        });
    }

    /** The first usable system font of {@link #FALLBACK_PATHS}, loaded once and only when needed. */
    private PDFont fallback() {
        if (fallbackTried) {
            return fallback;
        }
        fallbackTried = true;
        for (String candidate : FALLBACK_PATHS) {
            Path p = Path.of(candidate);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                fallback = loadSystemFont(p);
                return fallback;
            } catch (IOException | RuntimeException e) {
                // not a font PDFBox can embed (e.g. CFF outlines): try the next one
            }
        }
        return null;
    }

    private PDFont loadSystemFont(Path p) throws IOException {
        if (p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(p.toFile());
            open.add(collection);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                throw new IOException("empty font collection " + p);
            }
            return PDType0Font.load(document, first[0], true);
        }
        return PDType0Font.load(document, p.toFile());
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
        open.clear();
    }
}
