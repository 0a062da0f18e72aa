package org.reprodiff.report;

import java.util.List;

/** Builds escaped HTML text: elements, tables and a few report blocks. Never emits a reference to another file. */
final class HtmlBuilder {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    HtmlBuilder raw(String html) {
        out.append(html);
        return this;
    }

    HtmlBuilder text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag class="cls">escaped text</tag>} and a newline. */
    HtmlBuilder element(String tag, String cls, String text) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A cell of a table row. */
    record Cell(String text, String cls) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    HtmlBuilder table(String cls, List<String> header, List<List<Cell>> rows) {
        out.append("<table");
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append(">\n<thead><tr>");
        header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            out.append("<tr>");
            for (Cell c : row) {
                out.append(c.cls() == null ? "<td>" : "<td class=\"" + c.cls() + "\">").append(escape(c.text())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return this;
    }

    static String escape(String s) {
        if (s == null) {
            return "—";
        }
        StringBuilder e = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '&' -> e.append("&amp;");
                case '"' -> e.append("&quot;");
                case '\'' -> e.append("&#39;");
                default -> {
                    if (cp >= 0x20 || cp == '\n' || cp == '\t') {
                        e.appendCodePoint(cp);
                    }
                }
            }
        });
        return e.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
