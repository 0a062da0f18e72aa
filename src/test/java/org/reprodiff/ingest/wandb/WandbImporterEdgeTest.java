package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.sample.WandbRecordEncoder;
import org.reprodiff.sample.WandbRecordEncoder.Item;
import org.reprodiff.sample.WandbRecordEncoder.Message;

/** Odd logs and layouts: each test writes the few records it needs; the expected values follow from them. */
class WandbImporterEdgeTest {
    private final WandbImporter importer = new WandbImporter();

    @TempDir
    Path temp;

    private Path folder(String name, byte[]... records) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        String id = WandbLayout.idFromFolder(name);
        WandbImporterTest.writeLog(dir.resolve("run-" + (id != null ? id : "x") + ".wandb"), List.of(records));
        return dir;
    }

    private static byte[] rec(int type, Message body) {
        return WandbRecordEncoder.record(0, type, body);
    }

    private static byte[] row(Item... items) {
        return rec(WandbRecordEncoder.HISTORY, WandbRecordEncoder.history(List.of(items), null));
    }

    private Run readOne(Path path) {
        ImportResult result = importer.read(path, Progress.NONE);
        assertEquals(1, result.runs().size(), result.problems().toString());
        return result.runs().get(0);
    }

    @Test
    void aStepMetricWithoutAValueFallsBackToTheHistoryStepWithOneProblem() throws IOException {
        Path dir = folder("run-20240101_000000-stepm001",
                rec(WandbRecordEncoder.METRIC, WandbRecordEncoder.metric("acc", null, "global_step")),
                row(Item.nested("0.5", "acc")), row(Item.nested("0.6", "acc")),
                row(Item.nested("0.7", "acc"), Item.nested("100", "global_step")),
                row(Item.nested("0.8", "acc"), Item.nested("2.5", "global_step")));
        Run run = readOne(dir);
        // rows 0 and 1: no global_step yet (steps 0, 1); row 2: 100; row 3: 2.5 is not an integer (step 3)
        assertArrayEquals(new long[] {0, 1, 100, 3}, run.metric("acc").steps());
        List<ImportProblem> problems = run.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("global_step"));
    }

    @Test
    void aRecordThatIsNotProtobufIsSkippedWithItsOffset() throws IOException {
        // field 2 (history) announcing 50 bytes where 2 follow
        byte[] bad = {0x12, 50, 0x0A, 0x00};
        Path dir = folder("run-20240101_000000-badpb001", bad, row(Item.nested("1", "x")));
        Run run = readOne(dir);
        assertArrayEquals(new double[] {1}, run.metric("x").values());
        assertEquals(List.of(0L), List.of(run.metric("x").steps()[0]));
        assertEquals("byte 7", run.problems().get(0).where());
        assertTrue(run.problems().get(0).message().startsWith("not a valid W&B record"));
    }

    @Test
    void aResumedRunCountsFromItsStartingStep() throws IOException {
        Path dir = folder("run-20240101_000000-resum001",
                rec(WandbRecordEncoder.RUN, new Message().string(1, "resum001").int64(14, 40)),
                row(Item.nested("1", "x")), row(Item.nested("2", "x")));
        assertArrayEquals(new long[] {40, 41}, readOne(dir).metric("x").steps());
    }

    @Test
    void aRunWithoutAnExitRecordIsUnknownUnlessTruncated() throws IOException {
        Path dir = folder("run-20240101_000000-noexit01", row(Item.nested("1", "x")));
        Run run = readOne(dir);
        assertEquals(RunStatus.UNKNOWN, run.status());
        assertFalse(run.truncated());
    }

    @Test
    void readsABareLogGivenOnItsOwn() throws IOException {
        Path dir = folder("somewhere", rec(WandbRecordEncoder.RUN, new Message().string(1, "bare0001")),
                row(Item.nested("3", "x")));
        Path file = dir.resolve("run-x.wandb");
        assertTrue(importer.canRead(file));
        Run run = readOne(file);
        assertEquals("bare0001", run.nativeId());
        assertEquals(file.toRealPath().toString(), run.source());
    }

    @Test
    void recognisesRunFoldersAndLogsCheaply() throws IOException {
        Path online = folder("run-20240101_000000-abcd1234", row(Item.nested("1", "x")));
        Path offline = folder("offline-run-20240101_000000-abcd1234", row(Item.nested("1", "x")));
        Path oddName = folder("offline-run-new_auto_steps", row(Item.nested("1", "x")));
        Path filesOnly = Files.createDirectories(temp.resolve("renamed-run").resolve("files"));
        Files.writeString(filesOnly.resolve("wandb-metadata.json"), "{}");
        Path plain = Files.createDirectories(temp.resolve("plain").resolve("files"));
        Files.writeString(plain.resolve("config.yaml"), "lr: 0.1\n");
        Path notALog = Files.writeString(temp.resolve("notes.wandb"), "text");

        assertTrue(importer.canRead(online));
        assertTrue(importer.canRead(offline));
        assertTrue(importer.canRead(oddName));
        assertTrue(importer.canRead(filesOnly.getParent()));
        assertFalse(importer.canRead(plain.getParent()), "a config.yaml that never mentions _wandb");
        assertFalse(importer.canRead(notALog));
        assertFalse(importer.canRead(temp));
        assertEquals(List.of(online), importer.units(online));
    }

    @Test
    void aCancelledReadGivesNoRunAndKeepsTheInterrupt() throws IOException {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row(Item.nested(Integer.toString(i), "x")));
        }
        Path dir = folder("run-20240101_000000-cancel01", rows.toArray(byte[][]::new));
        Thread.currentThread().interrupt();
        try {
            ImportResult result = importer.read(dir, Progress.NONE);
            assertTrue(result.runs().isEmpty());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFolderWithTwoLogsReadsTheOneNamedForItsId() throws IOException {
        Path dir = folder("run-20240101_000000-twologs1", rec(WandbRecordEncoder.RUN,
                new Message().string(1, "twologs1")), row(Item.nested("1", "x")));
        WandbImporterTest.writeLog(dir.resolve("run-aaaa.wandb"), List.of(row(Item.nested("2", "y"))));
        ImportResult result = importer.read(dir, Progress.NONE);
        Run run = result.runs().get(0);
        assertEquals("twologs1", run.nativeId());
        assertTrue(run.metric("y") == null);
        assertTrue(result.problems().get(0).file().endsWith("run-aaaa.wandb"));
    }

    @Test
    void readsTheJsonLinesHistoryOfVeryOldSdks() throws IOException {
        Path files = Files.createDirectories(temp.resolve("run-20200101_000000-old00001").resolve("files"));
        Files.writeString(files.resolve("wandb-history.jsonl"), String.join("\n",
                "{\"loss\": 0.5, \"_step\": 0, \"_runtime\": 1.2, \"_timestamp\": 1577836801.5, \"acc\": {\"top1\": 0.1}}",
                "{\"loss\": NaN, \"_step\": 1, \"img\": {\"_type\": \"image-file\", \"width\": 8}, \"note\": \"x\"}",
                "{\"loss\": 0.25, \"_st"));
        Files.writeString(files.resolve("wandb-events.jsonl"),
                "{\"system.cpu\": 10.5, \"system.gpu.0.gpu\": 80, \"_wandb\": true, \"_timestamp\": 1577836810}\n"
                + "{\"system.cpu\": 11.5, \"system.gpu.0.gpu\": 82, \"_wandb\": true, \"_timestamp\": 1577836820}\n");
        Path dir = files.getParent();
        assertTrue(importer.canRead(dir));

        ImportResult result = importer.read(dir, Progress.NONE);
        Run run = result.runs().get(0);

        assertEquals("old00001", run.nativeId());
        assertEquals(List.of("acc.top1", "loss", "system/cpu", "system/gpu.0.gpu"),
                run.metrics().stream().map(m -> m.key()).toList());
        assertArrayEquals(new long[] {0, 1}, run.metric("loss").steps());
        assertArrayEquals(new double[] {0.5, Double.NaN}, run.metric("loss").values());
        assertArrayEquals(new long[] {1_577_836_801_500L, org.reprodiff.model.MetricSeries.NO_TIME},
                run.metric("loss").wallTimes());
        assertArrayEquals(new double[] {10.5, 11.5}, run.metric("system/cpu").values());
        assertArrayEquals(new long[] {1_577_836_810_000L, 1_577_836_820_000L}, run.metric("system/cpu").wallTimes());
        assertTrue(run.truncated());
        assertEquals(RunStatus.KILLED, run.status());
        assertEquals("line 3", result.problems().get(0).where());
    }
}
