package org.reprodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.app.Composition;
import org.reprodiff.cli.CliContext;
import org.reprodiff.cli.ReprodiffCommand;

/** {@code reprodiff report} and {@code reprodiff diff --format html} end to end on the sample project. */
class ReportCommandLineTest {
    @TempDir
    static Path dir;
    private static String db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void importSamples() {
        db = dir.resolve("runs.db").toString();
        CliContext context = new CliContext(Composition::services, (d, f) -> 0, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertEquals(0, ReprodiffCommand.commandLine(context).execute("import", "--db", db, Composition.SAMPLE_RUNS.toString()));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CliContext context = new CliContext(Composition::services, (d, f) -> 0, new PrintWriter(out), new PrintWriter(err));
        return ReprodiffCommand.commandLine(context).execute(args);
    }

    private static String pdfText(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void writesAPdfForEachOfTheFourSampleSituations() throws Exception {
        String[][] pairs = {{"baseline-a", "baseline-b-rerun", "REPRODUCED"}, {"seed-sweep-s1", "seed-sweep-s2", "EXPLAINED"},
                {"torch-2.1.0-cu118", "torch-2.1.2-cu121", "EXPLAINED"}, {"lr-0.001", "lr-0.003", "EXPLAINED"}};
        for (String[] p : pairs) {
            Path file = dir.resolve(p[0] + ".pdf");
            assertEquals(0, run("report", "--db", db, p[0], p[1], "-o", file.toString()), err.toString());
            String text = pdfText(file);
            assertTrue(text.contains("Reproducibility report: " + p[0] + " vs " + p[1]), text);
            assertTrue(text.contains(p[2]), p[0] + ": " + p[2]);
        }
        String torch = pdfText(dir.resolve("torch-2.1.0-cu118.pdf"));
        assertTrue(torch.contains("cu118 → cu121"), "the top cause's evidence");
        assertTrue(torch.contains("diverges at step 420"), "the charts mark the divergence");
    }

    @Test
    void takesTheFormatFromTheExtensionOrTheOption() throws Exception {
        Path html = dir.resolve("r.html");
        assertEquals(0, run("report", "--db", db, "lr-0.001", "lr-0.003", "-o", html.toString()), err.toString());
        assertTrue(Files.readString(html).contains("<svg "));
        Path md = dir.resolve("r.txt");
        assertEquals(0, run("report", "--db", db, "lr-0.001", "lr-0.003", "--format", "markdown", "-o", md.toString()));
        assertTrue(Files.readString(md).startsWith("## Reprodiff: lr-0.001 vs lr-0.003"));
        Path json = dir.resolve("r.json");
        assertEquals(0, run("report", "--db", db, "lr-0.001", "lr-0.003", "-o", json.toString(), "--rtol", "0.5", "--atol", "1"));
        assertTrue(Files.readString(json).contains("\"verdict\" : \"ROBUST\""), "tolerances apply: " + Files.readString(json));
    }

    @Test
    void exitsTwoAndWritesNothingWhenItCannot() throws Exception {
        Path odd = dir.resolve("report.xyz");
        assertEquals(2, run("report", "--db", db, "lr-0.001", "lr-0.003", "-o", odd.toString()));
        assertTrue(err.toString().contains("--format"), err.toString());
        assertFalse(Files.exists(odd));
        assertEquals(2, run("report", "--db", db, "lr-0.001", "no-such-run", "-o", dir.resolve("x.pdf").toString()));
        assertFalse(Files.exists(dir.resolve("x.pdf")));
        assertEquals(2, run("report", "--db", db, "lr-0.001", "lr-0.003", "-o", dir.resolve("missing/x.pdf").toString()));
        assertEquals(2, run("report", "--db", db, "lr-0.001", "lr-0.003"), "-o is required");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial file left");
        }
    }

    @Test
    void diffPrintsHtmlButNotPdf() {
        assertEquals(1, run("diff", "--db", db, "lr-0.001", "lr-0.003", "--format", "html"));
        assertTrue(out.toString().startsWith("<!DOCTYPE html>") && out.toString().contains("<svg "));
        assertEquals(2, run("diff", "--db", db, "lr-0.001", "lr-0.003", "--format", "pdf"));
        assertTrue(err.toString().contains("reprodiff report"), err.toString());
    }
}
