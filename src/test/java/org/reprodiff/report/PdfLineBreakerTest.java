package org.reprodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrapping long values: words first, then separators, then characters; never wider than the column. */
class PdfLineBreakerTest {
    private PDDocument document;
    private PdfFonts fonts;
    private PdfLineBreaker breaker;

    @BeforeEach
    void open() throws IOException {
        document = new PDDocument();
        fonts = new PdfFonts(document);
        breaker = new PdfLineBreaker(fonts);
    }

    @AfterEach
    void close() throws IOException {
        fonts.close();
        document.close();
    }

    private void assertFits(List<String> lines, float width) {
        for (String line : lines) {
            assertTrue(fonts.width(line, fonts.condensed, 8) <= width + 0.01f, "too wide: " + line);
        }
    }

    @Test
    void wrapsAtSpacesAndKeepsEveryWord() {
        String text = "package torchvision 0.16.0+cu118 → 0.16.2+cu121 (patch; framework; also CUDA build cu118 → cu121)";
        List<String> lines = breaker.wrap(text, fonts.condensed, 8, 120, 50);
        assertTrue(lines.size() > 1);
        assertFits(lines, 120);
        assertEquals(text, String.join(" ", lines));
        assertTrue(lines.stream().noneMatch(l -> l.endsWith("0.16.")), "a version is not cut at a dot when a space will do");
    }

    @Test
    void breaksALongPathAfterSlashesAndAHashAnywhere() {
        String path = "/work/main/sample-runs/mlruns/202846250492979687/9408d4c0625f478b8598b803e878284c";
        List<String> lines = breaker.wrap(path, fonts.condensed, 8, 100, 50);
        assertFits(lines, 100);
        assertEquals(path, String.join("", lines));
        assertTrue(lines.get(0).endsWith("/"));
        String hash = "f".repeat(300);
        List<String> cut = breaker.wrap(hash, fonts.condensed, 8, 100, 50);
        assertFits(cut, 100);
        assertEquals(hash, String.join("", cut));
    }

    @Test
    void capsTheLinesAndSaysHowManyAreLeftOut() {
        String text = String.join("\n", java.util.Collections.nCopies(100, "line"));
        List<String> lines = breaker.wrap(text, fonts.condensed, 8, 200, 10);
        assertEquals(10, lines.size());
        assertEquals("… 91 more lines not shown", lines.get(9));
    }
}
