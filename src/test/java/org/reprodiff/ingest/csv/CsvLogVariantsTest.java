package org.reprodiff.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/** Line endings, separators and odd cells of metric logs, written into a temporary folder. */
class CsvLogVariantsTest {
    private final CsvLogImporter importer = new CsvLogImporter();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r\r\n", "\r"})
    void readsKerasLogWhateverItsLineEndings(String ending) throws IOException {
        String text = String.join(ending, "epoch,loss,val_loss", "0,1.5,NA", "1,1.25,2.5", "") ;
        Run run = readOnly(write("model_a.csv", text));
        assertArrayEquals(new long[] {0, 1}, run.metric("loss").steps());
        assertArrayEquals(new double[] {1.5, 1.25}, run.metric("loss").values());
        assertArrayEquals(new long[] {1}, run.metric("val_loss").steps());
        assertArrayEquals(new double[] {2.5}, run.metric("val_loss").values());
        assertFalse(run.truncated());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t"})
    void sniffsTheSeparatorKerasWasGiven(String separator) throws IOException {
        Path file = write("fit.csv", String.join(separator, "epoch", "acc", "loss") + "\n"
                + String.join(separator, "0", "0.5", "0.75") + "\n");
        assertTrue(importer.canRead(file));
        assertEquals(0.75, readOnly(file).metric("loss").last());
    }

    @Test
    void kerasLogWithOnlyItsHeaderIsARunWithoutMetrics() throws IOException {
        Path file = write("training.log", "epoch,accuracy,loss\r\n");
        assertTrue(importer.canRead(file));
        Run run = readOnly(file);
        assertEquals(List.of(), run.metrics());
        assertFalse(run.truncated());
    }

    @Test
    void kerasListCellsAreNotASeries() throws IOException {
        Path file = write("history.csv", "epoch,loss,per_class\n0,0.5,\"\"\"[0.1, 0.2]\"\"\"\n1,0.25,\"\"\"[0.3, 0.4]\"\"\"\n");
        Run run = readOnly(file);
        assertEquals(List.of("loss"), run.metrics().stream().map(MetricSeries::key).toList());
    }

    @Test
    void paddedHeaderAndByteOrderMarkAreIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "       Step,   train/loss\n          0,   0.5\n          1,   0.25\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Path file = Files.write(tmp.resolve("results.csv"), all);
        Run run = readOnly(file);
        assertArrayEquals(new long[] {0, 1}, run.metric("train/loss").steps());
    }

    @Test
    void millisecondTimestampsGiveWallTimesAndTextTimesAreNotSeries() throws IOException {
        Path ms = write("metrics_ms.csv", "step,timestamp,loss\n0,1700000000000,1\n5,1700000001500,0.5\n");
        Run a = readOnly(ms);
        assertArrayEquals(new long[] {1700000000000L, 1700000001500L}, a.metric("loss").wallTimes());
        assertEquals(Instant.ofEpochMilli(1700000001500L), a.endTime());
        assertNull(a.metric("timestamp"));

        Path text = write("train_log.csv", "step,time,loss\n0,2024-01-01 10:00:00,1\n5,2024-01-01 10:00:05,0.5\n");
        Run b = readOnly(text);
        assertEquals(List.of("loss"), b.metrics().stream().map(MetricSeries::key).toList());
        assertNull(b.startTime());
    }

    @Test
    void relativeTimeColumnIsAnOrdinarySeries() throws IOException {
        Run run = readOnly(write("progress.csv", "iteration,time,loss\n0,0.5,1\n1,1.5,0.5\n"));
        assertArrayEquals(new double[] {0.5, 1.5}, run.metric("time").values());
        assertEquals(MetricSeries.NO_TIME, run.metric("loss").wallTimes()[0]);
    }

    @Test
    void problemsAreCappedPerFile() throws IOException {
        StringBuilder text = new StringBuilder("step,loss\n0,1\n1,2\n");
        for (int i = 2; i < 80; i++) {
            text.append(i).append(",bad\n");
        }
        ImportResult result = importer.read(write("train_metrics.csv", text.toString()), Progress.NONE);
        assertEquals(SeriesCollector.MAX_PROBLEMS + 1, result.problems().size());
        assertTrue(result.problems().get(SeriesCollector.MAX_PROBLEMS).message().startsWith("28 more problems"));
        assertEquals(2, result.runs().get(0).metric("loss").size());
    }

    @Test
    void repeatedColumnIsAProblemAndOnlyTheFirstIsRead() throws IOException {
        ImportResult result = importer.read(write("train_log.csv", "step,loss,loss\n0,1,9\n1,2,9\n"), Progress.NONE);
        assertEquals(1, result.problems().size());
        assertEquals("line 1", result.problems().get(0).where());
        assertArrayEquals(new double[] {1, 2}, result.runs().get(0).metric("loss").values());
    }

    @Test
    void jsonLinesWithFractionalStepReportTheLine() throws IOException {
        Path file = write("log.jsonl", "{\"step\": 1, \"loss\": 1}\n{\"step\": 1.5, \"loss\": 2}\n{\"step\": 2, \"loss\": \"nan\"}\n");
        ImportResult result = importer.read(file, Progress.NONE);
        assertEquals(List.of("line 2"), result.problems().stream().map(p -> p.where()).toList());
        MetricSeries loss = result.runs().get(0).metric("loss");
        assertArrayEquals(new long[] {1, 2}, loss.steps());
        assertTrue(Double.isNaN(loss.last()), "the string nan is a NaN value");
    }

    @Test
    void jsonLinesOfArraysOrWithoutAStepAreNotLogs() throws IOException {
        assertFalse(importer.canRead(write("events.jsonl", "[{\"iter\": 1, \"value\": 2}]\n")));
        assertFalse(importer.canRead(write("rows.jsonl", "{\"id\": 1, \"score\": 2}\n")));
    }

    @Test
    void symbolicLinkToALogIsNotASecondSource() throws Exception {
        Path real = write("logs/train_log.csv", "step,loss\n0,1\n");
        Files.createSymbolicLink(tmp.resolve("logs/latest_log.csv"), real);
        List<ProjectScanner.Source> sources = new ProjectScanner(new ImporterCatalog(List.of(importer)))
                .scan(tmp, Progress.NONE).sources();
        assertEquals(List.of(real), sources.stream().map(ProjectScanner.Source::path).toList());
    }

    @Test
    void fileOfAnotherExtensionIsNeverSniffed() throws IOException {
        assertFalse(importer.canRead(write("metrics.json", "{\"step\": 1, \"loss\": 2}\n")));
        assertFalse(importer.canRead(write("train_log.parquet", "step,loss\n0,1\n")));
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private Run readOnly(Path file) {
        assertTrue(importer.canRead(file), "claimed: " + file.getFileName());
        ImportResult result = importer.read(file, Progress.NONE);
        assertEquals(List.of(), result.problems());
        return result.runs().get(0);
    }
}
