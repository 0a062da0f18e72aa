package org.reprodiff.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Wraps text to a width: at spaces first, then after path and key separators ({@code / . _ - , : = &}), then
 * anywhere (long hashes, CJK); explicit newlines are kept. At most {@code maxLines} lines: the last one then says
 * how many were left out, so one huge value cannot swallow pages.
 */
final class PdfLineBreaker {
    private static final String BREAK_AFTER = "/._-,:=&;|+)";
    private final PdfFonts fonts;

    PdfLineBreaker(PdfFonts fonts) {
        this.fonts = fonts;
    }

    List<String> wrap(String text, PDFont font, float size, float width, int maxLines) {
        List<String> out = new ArrayList<>();
        String[] paragraphs = (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (String p : paragraphs) {
            wrapParagraph(p, font, size, width, out);
            if (out.size() > maxLines) {
                break;
            }
        }
        if (out.size() > maxLines) {
            int total = countLines(paragraphs, font, size, width);
            List<String> cut = new ArrayList<>(out.subList(0, maxLines - 1));
            cut.add("… " + (total - maxLines + 1) + " more lines not shown");
            return cut;
        }
        return out;
    }

    private int countLines(String[] paragraphs, PDFont font, float size, float width) {
        List<String> all = new ArrayList<>();
        for (String p : paragraphs) {
            wrapParagraph(p, font, size, width, all);
        }
        return all.size();
    }

    /**
     * Greedy filling by words; a word too long for a line of its own is broken after separators, and a piece
     * still too long is broken between characters.
     */
    private void wrapParagraph(String text, PDFont font, float size, float width, List<String> out) {
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (String word : words(text)) {
            float w = fonts.width(word, font, size);
            float visible = word.endsWith(" ") ? fonts.width(word.stripTrailing(), font, size) : w;
            if (used + visible <= width) {
                line.append(word);
                used += w;
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
            }
            if (visible <= width) {
                line.append(word);
                used = w;
                continue;
            }
            for (String piece : tokens(word)) {
                float pw = fonts.width(piece, font, size);
                if (used + pw > width && line.length() > 0) {
                    out.add(line.toString().stripTrailing());
                    line.setLength(0);
                    used = 0;
                }
                while (pw > width) {
                    int cut = fit(piece, font, size, width);
                    out.add(piece.substring(0, cut));
                    piece = piece.substring(cut);
                    pw = fonts.width(piece, font, size);
                }
                line.append(piece);
                used += pw;
            }
        }
        out.add(line.toString().stripTrailing());
    }

    /** Words with their trailing space; each CJK ideograph is a word of its own. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean wide = wide(cp);
            if (wide && i > start) {
                out.add(text.substring(start, i));
                start = i;
            }
            if (cp == ' ' || wide) {
                out.add(text.substring(start, next));
                start = next;
            }
            i = next;
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return Character.isIdeographic(cp) || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    /** The longest prefix (in chars, whole code points, at least one) that fits {@code width}. */
    private int fit(String token, PDFont font, float size, float width) {
        int end = 0;
        float used = 0;
        while (end < token.length()) {
            int next = end + Character.charCount(token.codePointAt(end));
            float w = fonts.width(token.substring(end, next), font, size);
            if (used + w > width && end > 0) {
                break;
            }
            used += w;
            end = next;
        }
        return end;
    }

    /** Pieces of a word that end after a separator. */
    static List<String> tokens(String word) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length(); i++) {
            if (BREAK_AFTER.indexOf(word.charAt(i)) >= 0) {
                out.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < word.length()) {
            out.add(word.substring(start));
        }
        return out;
    }
}
