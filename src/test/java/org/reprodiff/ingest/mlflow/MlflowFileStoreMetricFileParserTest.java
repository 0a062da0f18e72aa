package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;

/** The file store's metric line format, one behaviour each (FORMATS.md 1.1 "Metrics"). */
class MlflowFileStoreMetricFileParserTest {
    @TempDir
    Path tmp;
    private final List<ImportProblem> problems = new ArrayList<>();

    @Test
    void twoFieldLinesHaveStepZero() throws IOException {
        MetricSeries s = parse("100 0.5\n200 0.25\n").series();
        assertArrayEquals(new long[] {0, 0}, s.steps());
        assertArrayEquals(new double[] {0.5, 0.25}, s.values());
        assertArrayEquals(new long[] {100, 200}, s.wallTimes());
    }

    @Test
    void fiveFieldLinesTakeTheThirdFieldAsStep() throws IOException {
        MetricSeries s = parse("100 0.5 7 eval-set 1a2b3c\n").series();
        assertArrayEquals(new long[] {7}, s.steps());
        assertEquals(List.of(), problems);
    }

    @Test
    void datasetNameWithSpacesStillGivesThePoint() throws IOException {
        MetricSeries s = parse("100 0.5 7 my eval set 1a2b3c\n").series();
        assertArrayEquals(new long[] {7}, s.steps());
        assertEquals(List.of(), problems);
    }

    @Test
    void keepsNanAndInfinitiesAsPythonWritesThem() throws IOException {
        MetricSeries s = parse("1 nan 0\n2 inf 1\n3 -inf 2\n4 1e-05 3\n5 3 4\n").series();
        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-05, 3},
                s.values());
    }

    @Test
    void keepsRepeatedStepsInLoggingOrder() throws IOException {
        MetricSeries s = parse("3 1.0 5\n1 2.0 5\n2 3.0 4\n").series();
        assertArrayEquals(new long[] {5, 5, 4}, s.steps());
        assertArrayEquals(new long[] {3, 1, 2}, s.wallTimes());
    }

    @Test
    void acceptsWindowsLineEnds() throws IOException {
        MetricSeries s = parse("1 0.5 0\r\n2 0.75 1\r\n").series();
        assertArrayEquals(new double[] {0.5, 0.75}, s.values());
        assertEquals(List.of(), problems);
    }

    @Test
    void reportsEachBadLineWithItsNumberAndReadsTheRest() throws IOException {
        MetricSeries s = parse("1 0.5 0\n2 abc 1\n\n3 0.7 x\n4\n5 0.9 4\n").series();
        assertArrayEquals(new double[] {0.5, 0.9}, s.values());
        assertEquals(List.of("line 2", "line 3", "line 4", "line 5"), problems.stream().map(ImportProblem::where).toList());
        assertEquals("metric loss: value is not a number in '2 abc 1'", problems.get(0).message());
        assertEquals("metric loss: empty line, expected 'timestamp value [step]' in ''", problems.get(1).message());
        assertEquals("metric loss: step is not an integer in '3 0.7 x'", problems.get(2).message());
        assertEquals("metric loss: one field, expected 'timestamp value [step]' in '4'", problems.get(3).message());
    }

    @Test
    void rejectsJavaOnlyNumberForms() throws IOException {
        parse("1 0x1p3 0\n2 1d 0\n");
        assertEquals(2, problems.size());
    }

    @Test
    void shortensALongBadLineInTheMessage() throws IOException {
        parse("x".repeat(500) + "\n");
        String message = problems.get(0).message();
        assertTrue(message.length() < 200, message);
        assertTrue(message.endsWith("…'"), message);
    }

    @Test
    void unparsableLastLineWithoutLineEndIsTruncation() throws IOException {
        assertFalse(parse("1 0.5 0\n2 0.7").truncated(), "a last line without line end that parses is kept");
        problems.clear();
        MlflowMetricFileParser.Parsed cut = parse("1 0.5 0\n2");
        assertTrue(cut.truncated());
        assertEquals(1, cut.series().size());
    }

    @Test
    void badLineInTheMiddleIsNoTruncation() throws IOException {
        assertFalse(parse("1 0.5 0\nbad\n2 0.7 1\n").truncated());
    }

    @Test
    void emptyFileGivesAnEmptySeries() throws IOException {
        MlflowMetricFileParser.Parsed p = parse("");
        assertEquals(0, p.series().size());
        assertFalse(p.truncated());
        assertEquals(List.of(), problems);
    }

    @Test
    void readsLinesAcrossBufferBoundariesAndVeryLongLines() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(1_700_000_000_000L + i).append(' ').append(i * 0.5).append(' ').append(i).append('\n');
        }
        text.append("1 2 3 ").append("d".repeat(200_000)).append(" digest\n");
        MetricSeries s = parse(text.toString()).series();
        assertEquals(20_001, s.size());
        assertEquals(9999.5, s.values()[19_999]);
        assertEquals(1_700_000_019_999L, s.wallTimes()[19_999]);
        assertEquals(3, s.lastStep());
        assertEquals(List.of(), problems);
    }

    private MlflowMetricFileParser.Parsed parse(String text) throws IOException {
        Path file = tmp.resolve("loss");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return MlflowMetricFileParser.parse(file, "loss", file.toString(), problems);
    }
}
