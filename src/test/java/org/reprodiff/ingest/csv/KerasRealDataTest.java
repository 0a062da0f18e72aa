package org.reprodiff.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The Keras CSVLogger files of {@code ../shared/realdata/keras_csvlogger/52256223__DM2024-Lab2-Master}, read in
 * place: 25 epochs each, columns {@code epoch,accuracy,loss,val_accuracy,val_loss}, {@code \r\r\n} line endings.
 * The values asserted were read with {@code tr -d '\r' | sed}.
 */
class KerasRealDataTest {
    private static final CsvLogImporter IMPORTER = new CsvLogImporter();
    private static Path root;
    private static Map<String, String> before;
    private static List<ProjectScanner.Source> sources;

    @BeforeAll
    static void scan() throws Exception {
        root = RealData.require("keras_csvlogger/52256223__DM2024-Lab2-Master");
        before = TreeSnapshot.of(root);
        sources = new ProjectScanner(new ImporterCatalog(List.of(IMPORTER))).scan(root, Progress.NONE).sources();
    }

    @Test
    void findsBothLogsAsKerasFiles() {
        assertEquals(List.of(root.resolve("logs/training_log.csv"), root.resolve("logs/training_log_2.csv")),
                sources.stream().map(ProjectScanner.Source::path).sorted().toList());
    }

    @Test
    void readsTwentyFiveEpochsAndTheExactLastValidationLoss() {
        Run first = read("logs/training_log.csv");
        assertEquals("keras", first.tags().get("csv.kind"));
        assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"),
                first.metrics().stream().map(MetricSeries::key).toList());
        MetricSeries valLoss = first.metric("val_loss");
        assertEquals(25, valLoss.size());
        assertArrayEquals(LongStream.range(0, 25).toArray(), valLoss.steps());
        assertEquals(1.642669916152954, valLoss.last());
        assertEquals(1.2596204280853271, valLoss.values()[0]);
        assertEquals(0.3885967433452606, first.metric("accuracy").values()[0]);
        assertFalse(first.truncated());

        Run second = read("logs/training_log_2.csv");
        assertEquals(25, second.metric("val_loss").size());
        assertEquals(2.371253728866577, second.metric("val_loss").last());
        assertEquals(0.9778577089309692, second.metric("accuracy").last());
    }

    @Test
    void readingLeavesTheTreeUnchanged() throws Exception {
        read("logs/training_log.csv");
        read("logs/training_log_2.csv");
        assertEquals(before, TreeSnapshot.of(root));
    }

    private static Run read(String file) {
        ImportResult result = IMPORTER.read(root.resolve(file), Progress.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.runs().size());
        return result.runs().get(0);
    }
}
