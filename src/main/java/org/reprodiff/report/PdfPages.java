package org.reprodiff.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The page flow of a PDF report: A4 pages with fixed margins, a cursor {@link #y()} that moves down as content
 * is placed, a new page whenever the next block does not fit, bookmarks for headings, and at the end the running
 * header and "Page n of N" footer on every page. Coordinates are PDF points from the bottom-left corner.
 */
final class PdfPages {
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float TOP = SIZE.getHeight() - 66;
    static final float BOTTOM = 56;

    final PDDocument document;
    final PdfFonts fonts;
    final PdfLineBreaker breaker;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDOutlineItem section;
    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    PdfPages(PDDocument document, PdfFonts fonts) {
        this.document = document;
        this.fonts = fonts;
        this.breaker = new PdfLineBreaker(fonts);
        document.getDocumentCatalog().setDocumentOutline(outline);
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    void down(float dy) {
        y -= dy;
    }

    PDPageContentStream stream() {
        return stream;
    }

    PDPage page() {
        return page;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    boolean atTop() {
        return page != null && y >= TOP - 0.5f;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        page = new PDPage(SIZE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Draws one line (no wrapping) with its baseline at {@code baseline}, switching fonts as the text needs. */
    void text(float x, float baseline, String line, PDFont font, float size, Color color) throws IOException {
        text(stream, x, baseline, line, font, size, color);
    }

    void text(PDPageContentStream cs, float x, float baseline, String line, PDFont font, float size, Color color) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        for (PdfFonts.Segment s : fonts.segments(line, font)) {
            cs.setFont(s.font(), size);
            cs.showText(s.text());
        }
        cs.endText();
    }

    /** Wrapped text at the cursor, from {@code x} across {@code width}; breaks pages between lines. */
    void paragraph(String text, PDFont font, float size, Color color, float x, float width) throws IOException {
        float leading = size * 1.35f;
        for (String line : breaker.wrap(text, font, size, width, 400)) {
            ensure(leading);
            y -= leading;
            text(x, y + size * 0.25f, line, font, size, color);
        }
    }

    void paragraph(String text, PDFont font, float size, Color color) throws IOException {
        paragraph(text, font, size, color, left(), width());
    }

    /**
     * A heading, kept with at least {@code keepWith} points of what follows; level 1 starts a bookmark section,
     * level 2 a bookmark under it.
     */
    void heading(String title, int level, float keepWith) throws IOException {
        float size = level == 1 ? 15 : 11.5f;
        float before = level == 1 ? 14 : 10;
        ensure(before + size * 1.6f + keepWith);
        if (!atTop()) {
            y -= before;
        }
        bookmark(title, level);
        PDFont font = fonts.bold;
        List<String> lines = breaker.wrap(title, font, size, width(), 4);
        for (String line : lines) {
            y -= size * 1.25f;
            text(left(), y + size * 0.2f, line, font, size, level == 1 ? ReportColors.ACCENT : ReportColors.TEXT);
        }
        if (level == 1) {
            y -= 5;
            rule(left(), y, left() + width(), ReportColors.ACCENT, 0.8f);
        }
        y -= level == 1 ? 8 : 4;
    }

    void bookmark(String title, int level) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title.length() > 120 ? title.substring(0, 119) + "…" : title);
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(page);
        d.setTop((int) (y + 20));
        item.setDestination(d);
        if (level == 1 || section == null) {
            outline.addLast(item);
            section = item;
        } else {
            section.addLast(item);
        }
    }

    void fill(float x, float bottom, float w, float h, Color color) throws IOException {
        stream.setNonStrokingColor(color);
        stream.addRect(x, bottom, w, h);
        stream.fill();
    }

    void rule(float x1, float at, float x2, Color color, float width) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(width);
        stream.moveTo(x1, at);
        stream.lineTo(x2, at);
        stream.stroke();
    }

    /** Closes the last page and draws the running header (from page 2) and the footer on every page. */
    void finish(String header, String footer) throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        int n = document.getNumberOfPages();
        float right = SIZE.getWidth() - MARGIN;
        for (int i = 0; i < n; i++) {
            PDPage p = document.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                if (i > 0) {
                    String h = fit(header, fonts.regular, 8, width() - 80);
                    text(cs, MARGIN, SIZE.getHeight() - 38, h, fonts.regular, 8, ReportColors.MUTED);
                    String brand = "Reprodiff";
                    text(cs, right - fonts.width(brand, fonts.bold, 8), SIZE.getHeight() - 38, brand, fonts.bold, 8, ReportColors.ACCENT);
                    cs.setStrokingColor(ReportColors.RULE);
                    cs.setLineWidth(0.5f);
                    cs.moveTo(MARGIN, SIZE.getHeight() - 44);
                    cs.lineTo(right, SIZE.getHeight() - 44);
                    cs.stroke();
                }
                cs.setStrokingColor(ReportColors.RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, 42);
                cs.lineTo(right, 42);
                cs.stroke();
                text(cs, MARGIN, 30, fit(footer, fonts.regular, 7.5f, width() - 90), fonts.regular, 7.5f, ReportColors.MUTED);
                String number = "Page " + (i + 1) + " of " + n;
                text(cs, right - fonts.width(number, fonts.regular, 7.5f), 30, number, fonts.regular, 7.5f, ReportColors.MUTED);
            }
        }
    }

    /** The text cut with an ellipsis so that it fits {@code width}. */
    String fit(String text, PDFont font, float size, float width) {
        if (fonts.width(text, font, size) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && fonts.width(text.substring(0, end) + "…", font, size) > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + "…";
    }
}
