package org.reprodiff.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A table in the PDF flow: a header row, rows of wrapped cells, zebra shading. A row never splits; when the next
 * row does not fit, the table continues on a new page under its caption marked "(continued)" and the header row
 * again, so a thousand-row difference paginates cleanly. A cell shows at most {@link #MAX_CELL_LINES} lines.
 */
final class PdfTable {
    static final float SIZE = 8.2f;
    static final float LEADING = 10.4f;
    static final float PAD = 2.9f;
    static final int MAX_CELL_LINES = 50;
    /** Tables up to this height are kept on one page with their heading. */
    static final float KEEP_TOGETHER = 240;

    /** A column: its header and its share of the table width. */
    record Column(String header, float weight) {
    }

    /** A cell's text, colour (null: the text colour) and weight. */
    record Cell(String text, Color color, boolean bold) {
        static Cell of(String text) {
            return new Cell(text, null, false);
        }
    }

    private final String caption;
    private final List<Column> columns;
    private final List<Cell[]> rows = new ArrayList<>();

    PdfTable(String caption, List<Column> columns) {
        this.caption = caption;
        this.columns = List.copyOf(columns);
    }

    PdfTable row(Cell... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " cells");
        }
        rows.add(cells);
        return this;
    }

    PdfTable row(String... texts) {
        Cell[] cells = new Cell[texts.length];
        for (int i = 0; i < texts.length; i++) {
            cells[i] = Cell.of(texts[i]);
        }
        return row(cells);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * How much of this table a heading above it should keep on its page: all of it when it is short (so a
     * small table is not split), else its header and first rows.
     */
    float keepHeight(PdfPages pages) {
        float[] widths = widths(pages.width());
        float h = height(wrapHeader(pages, widths));
        for (int i = 0; i < rows.size() && h < KEEP_TOGETHER; i++) {
            h += height(wrap(pages, rows.get(i), widths));
        }
        return h <= KEEP_TOGETHER ? h : 3 * LEADING + 4 * PAD;
    }

    void draw(PdfPages pages) throws IOException {
        float[] widths = widths(pages.width());
        List<List<List<String>>> wrapped = new ArrayList<>();
        for (Cell[] r : rows) {
            wrapped.add(wrap(pages, r, widths));
        }
        List<List<String>> header = wrapHeader(pages, widths);
        float headerHeight = height(header);
        float first = wrapped.isEmpty() ? 0 : height(wrapped.get(0));
        pages.ensure(headerHeight + first + 4);
        drawHeader(pages, header, widths, headerHeight);
        for (int i = 0; i < rows.size(); i++) {
            float h = height(wrapped.get(i));
            if (pages.y() - h < PdfPages.BOTTOM) {
                pages.newPage();
                if (caption != null) {
                    pages.paragraph(caption + " (continued)", pages.fonts.bold, 8.5f, ReportColors.MUTED);
                    pages.down(3);
                }
                drawHeader(pages, header, widths, headerHeight);
            }
            drawRow(pages, rows.get(i), wrapped.get(i), widths, h, i % 2 == 1);
        }
        pages.down(6);
    }

    private float[] widths(float total) {
        float sum = 0;
        for (Column c : columns) {
            sum += c.weight();
        }
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = total * columns.get(i).weight() / sum;
        }
        return w;
    }

    private List<List<String>> wrap(PdfPages pages, Cell[] cells, float[] widths) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String text = cells[i].text() == null ? "—" : cells[i].text();
            out.add(pages.breaker.wrap(text, font(pages, cells[i].bold()), SIZE, widths[i] - 2 * PAD, MAX_CELL_LINES));
        }
        return out;
    }

    private List<List<String>> wrapHeader(PdfPages pages, float[] widths) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(pages.breaker.wrap(columns.get(i).header(), pages.fonts.condensedBold, SIZE, widths[i] - 2 * PAD, 3));
        }
        return out;
    }

    private static PDFont font(PdfPages pages, boolean bold) {
        return bold ? pages.fonts.condensedBold : pages.fonts.condensed;
    }

    private static float height(List<List<String>> cells) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * LEADING + 2 * PAD;
    }

    private void drawHeader(PdfPages pages, List<List<String>> header, float[] widths, float h) throws IOException {
        float top = pages.y();
        pages.fill(pages.left(), top - h, pages.width(), h, ReportColors.HEADER_FILL);
        float x = pages.left();
        for (int i = 0; i < header.size(); i++) {
            lines(pages, header.get(i), x, top, pages.fonts.condensedBold, ReportColors.TEXT);
            x += widths[i];
        }
        pages.rule(pages.left(), top - h, pages.left() + pages.width(), ReportColors.RULE, 0.6f);
        pages.down(h);
    }

    private void drawRow(PdfPages pages, Cell[] cells, List<List<String>> wrapped, float[] widths, float h, boolean shade)
            throws IOException {
        float top = pages.y();
        if (shade) {
            pages.fill(pages.left(), top - h, pages.width(), h, ReportColors.ZEBRA);
        }
        float x = pages.left();
        for (int i = 0; i < cells.length; i++) {
            Color c = cells[i].color() == null ? ReportColors.TEXT : cells[i].color();
            lines(pages, wrapped.get(i), x, top, font(pages, cells[i].bold()), c);
            x += widths[i];
        }
        pages.rule(pages.left(), top - h, pages.left() + pages.width(), ReportColors.FAINT_RULE, 0.4f);
        pages.down(h);
    }

    private static void lines(PdfPages pages, List<String> lines, float x, float top, PDFont font, Color color) throws IOException {
        float baseline = top - PAD - SIZE;
        for (String line : lines) {
            pages.text(x + PAD, baseline, line, font, SIZE, color);
            baseline -= LEADING;
        }
    }
}
