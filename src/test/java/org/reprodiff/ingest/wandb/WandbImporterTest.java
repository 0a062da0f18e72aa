package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.sample.WandbLogWriter;
import org.reprodiff.sample.WandbRecordEncoder;
import org.reprodiff.sample.WandbRecordEncoder.Item;
import org.reprodiff.sample.WandbRecordEncoder.Message;

/**
 * A hand-made offline run: every record type the importer reads, odd values and odd steps. Each expected value
 * below follows from the records written in {@link #writeRun}; the comments there give the step of each row.
 */
class WandbImporterTest {
    private static final long START = 1_704_164_645L; // 2024-01-02T03:04:05Z

    @TempDir
    Path temp;

    private Path runDir;
    private Run run;
    private List<ImportProblem> problems;

    private static Message history(Long step, Item... items) {
        return WandbRecordEncoder.history(List.of(items), step);
    }

    @BeforeEach
    void writeRun() throws IOException {
        Message config = WandbRecordEncoder.items(1, List.of(Item.flat("_wandb", "{}"), Item.flat("lr", "0.001"),
                Item.flat("seed", "7"), Item.flat("optimizer", "{\"name\": \"adam\", \"betas\": [0.9, 0.999]}"),
                Item.flat("sizes", "[1, 2]"), Item.flat("use_amp", "false"), Item.flat("greeting", "\"hello\""),
                Item.flat("nothing", "null"), Item.flat("tmp", "1")));
        Message runRecord = new Message().string(1, "hand0001").string(2, "team").string(3, "proj")
                .message(4, config).string(6, "g1").string(7, "train").string(8, "hand run").string(10, "a")
                .string(10, "b").string(13, "box").message(17, WandbRecordEncoder.timestamp(START, 0))
                .message(21, new Message().string(1, "https://example.org/r.git").string(2, "abc123"));
        Message configUpdate = new Message()
                .message(1, new Message().string(2, "optimizer").string(2, "eps").string(16, "1e-08"))
                .message(1, new Message().string(1, "batch").string(16, "32"))
                .message(2, new Message().string(1, "tmp"));
        List<byte[]> records = new ArrayList<>();
        records.add(rec(WandbRecordEncoder.HEADER, WandbRecordEncoder.header("0.19.8")));
        records.add(rec(WandbRecordEncoder.RUN, runRecord));
        records.add(rec(WandbRecordEncoder.CONFIG, configUpdate));
        records.add(rec(WandbRecordEncoder.TELEMETRY, WandbRecordEncoder.telemetry(List.of(1, 55), "3.10.4", "0.19.8")));
        records.add(rec(WandbRecordEncoder.METRIC, WandbRecordEncoder.metric(null, "val/*", "epoch")));
        records.add(new Message().int64(1, 99).bytes(99, new byte[] {1, 2, 3}).bytes());
        // row 0: no step anywhere: step 0
        records.add(rec(WandbRecordEncoder.HISTORY, history(null, Item.nested("0.5", "train/loss"),
                Item.nested("0", "epoch"), Item.nested("1704164646.5", "_timestamp"), Item.nested("1.5", "_runtime"))));
        // row 1: step 1; a media object, a string, a bool, a nested number; val/loss stepped by epoch (0)
        records.add(rec(WandbRecordEncoder.HISTORY, history(null, Item.nested("NaN", "train/loss"),
                Item.nested("0", "epoch"), Item.nested("0.7", "val/loss"),
                Item.nested("\"image-file\"", "img", "_type"), Item.nested("64", "img", "width"),
                Item.nested("\"media/a.png\"", "img", "path"), Item.nested("\"hello\"", "text"),
                Item.nested("true", "flag"), Item.nested("2.5", "grad", "norm"))));
        // row 2: step 2; infinities; an old-style flat key holding a dict
        records.add(rec(WandbRecordEncoder.HISTORY, history(null, Item.nested("Infinity", "train/loss"),
                Item.nested("1", "epoch"), Item.nested("-Infinity", "val/loss"),
                Item.flat("stats", "{\"a\": 1, \"b\": {\"c\": 2}, \"s\": \"x\"}"))));
        // row 3: record step 1 is behind the running step 3: dropped, as W&B drops it
        records.add(rec(WandbRecordEncoder.HISTORY, history(1L, Item.nested("9.0", "train/loss"))));
        // row 4: _step 10 wins; an unknown item field is skipped
        records.add(rec(WandbRecordEncoder.HISTORY, new Message()
                .message(1, new Message().string(2, "train/loss").string(16, "0.25").string(50, "?"))
                .message(1, new Message().string(2, "epoch").string(16, "2"))
                .message(1, new Message().string(2, "_step").string(16, "10"))));
        // row 5: _step 4 is behind the running step 11: renumbered to 11
        records.add(rec(WandbRecordEncoder.HISTORY, history(null, Item.nested("0.125", "train/loss"),
                Item.nested("4", "_step"))));
        records.add(rec(WandbRecordEncoder.SUMMARY, WandbRecordEncoder.items(1, List.of(
                Item.nested("0.125", "train/loss"), Item.nested("0.9", "best", "acc"), Item.nested("1", "temp")))));
        records.add(rec(WandbRecordEncoder.SUMMARY, new Message()
                .message(1, new Message().string(2, "nan_metric").string(16, "NaN"))
                .message(2, new Message().string(2, "temp"))));
        records.add(rec(WandbRecordEncoder.STATS, WandbRecordEncoder.stats(START + 55, 0, List.of(
                new String[] {"cpu", "12.5"}, new String[] {"network", "{\"sent\": 10, \"recv\": 20}"},
                new String[] {"gpu.0.name", "\"A100\""}))));
        records.add(rec(WandbRecordEncoder.EXIT, WandbRecordEncoder.exit(1, 42)));
        runDir = Files.createDirectories(temp.resolve("offline-run-20240102_030405-hand0001"));
        writeLog(runDir.resolve("run-hand0001.wandb"), records);
        ImportResult result = new WandbImporter().read(runDir, Progress.NONE);
        assertEquals(1, result.runs().size(), result.problems().toString());
        run = result.runs().get(0);
        problems = result.problems();
    }

    private static byte[] rec(int type, Message body) {
        return WandbRecordEncoder.record(0, type, body);
    }

    static void writeLog(Path file, List<byte[]> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WandbLogWriter writer = new WandbLogWriter(bytes);
        for (byte[] r : records) {
            writer.write(r);
        }
        writer.finish();
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void readsIdentityTimesAndStatusFromTheRunAndExitRecords() {
        assertEquals("hand0001", run.nativeId());
        assertEquals("hand run", run.name());
        assertEquals("proj", run.experiment());
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), run.startTime());
        assertEquals(Instant.parse("2024-01-02T03:04:47Z"), run.endTime());
        assertFalse(run.truncated());
        assertEquals(Map.of("wandb.entity", "team", "wandb.group", "g1", "wandb.job_type", "train",
                "wandb.tags", "a, b", "wandb.mode", "offline"), run.tags());
        assertEquals("https://example.org/r.git", run.code().remote());
        assertEquals("abc123", run.code().commit());
    }

    @Test
    void foldsTheConfigIntoTypedDottedParameters() {
        assertParam("lr", ParamValue.Type.NUMBER, "0.001");
        assertParam("seed", ParamValue.Type.NUMBER, "7");
        assertParam("optimizer.name", ParamValue.Type.STRING, "adam");
        assertParam("optimizer.betas", ParamValue.Type.LIST, "[0.9, 0.999]");
        assertParam("optimizer.eps", ParamValue.Type.NUMBER, "1e-08");
        assertParam("sizes", ParamValue.Type.LIST, "[1, 2]");
        assertParam("use_amp", ParamValue.Type.BOOL, "false");
        assertParam("greeting", ParamValue.Type.STRING, "hello");
        assertParam("nothing", ParamValue.Type.NULL, "null");
        assertParam("batch", ParamValue.Type.NUMBER, "32");
        assertParam("_wandb", ParamValue.Type.STRING, "{}");
        assertNull(run.param("tmp"), "removed by the config record");
        assertEquals(11, run.params().size());
        assertEquals("7", run.seeds().get(0).value());
    }

    private void assertParam(String key, ParamValue.Type type, String raw) {
        assertEquals(type, run.param(key).value().type(), key);
        assertEquals(raw, run.param(key).value().raw(), key);
    }

    @Test
    void turnsHistoryRowsIntoSeriesWithW_BStepRules() {
        MetricSeries loss = run.metric("train/loss");
        assertArrayEquals(new long[] {0, 1, 2, 10, 11}, loss.steps());
        assertArrayEquals(new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.25, 0.125}, loss.values());
        assertEquals(1_704_164_646_500L, loss.wallTimes()[0]);
        assertEquals(MetricSeries.NO_TIME, loss.wallTimes()[1]);
        assertArrayEquals(new long[] {0, 1, 2, 10}, run.metric("epoch").steps());
        assertArrayEquals(new double[] {0, 0, 1, 2}, run.metric("epoch").values());
        assertArrayEquals(new long[] {1}, run.metric("grad.norm").steps());
        assertArrayEquals(new double[] {1, 2}, new double[] {run.metric("stats.a").values()[0],
                run.metric("stats.b.c").values()[0]});
        assertEquals(2, run.metric("stats.a").steps()[0]);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("dropped")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("renumbered to 11")), problems.toString());
    }

    @Test
    void leavesMediaTextAndBooleansOutOfTheSeries() {
        List<String> keys = run.metrics().stream().map(MetricSeries::key).toList();
        assertEquals(List.of("epoch", "grad.norm", "stats.a", "stats.b.c", "system/cpu", "system/network.recv",
                "system/network.sent", "train/loss", "val/loss"), keys);
    }

    @Test
    void stepsADefinedMetricByItsStepMetric() {
        MetricSeries val = run.metric("val/loss");
        assertArrayEquals(new long[] {0, 1}, val.steps());
        assertArrayEquals(new double[] {0.7, Double.NEGATIVE_INFINITY}, val.values());
    }

    @Test
    void keepsSystemMetricsInTheirOwnNamespace() {
        MetricSeries cpu = run.metric("system/cpu");
        assertArrayEquals(new double[] {12.5}, cpu.values());
        assertArrayEquals(new long[] {(START + 55) * 1000}, cpu.wallTimes());
        assertEquals(10.0, run.metric("system/network.sent").last());
    }

    @Test
    void foldsTheSummaryWithRemovals() {
        assertEquals(0.125, run.summary().get("train/loss"));
        assertEquals(0.9, run.summary().get("best.acc"));
        assertTrue(Double.isNaN(run.summary().get("nan_metric")));
        assertFalse(run.summary().containsKey("temp"));
    }

    @Test
    void readsTelemetryIntoTheEnvironment() {
        assertEquals("3.10.4", run.environment().get("python"));
        assertEquals("box", run.environment().get("host"));
        assertEquals("0.19.8", run.environment().get("framework.wandb"));
        assertEquals("imported", run.environment().get("framework.torch"));
        assertFalse(run.environment().containsKey("framework.asyncio"));
    }

    @Test
    void skipsAnUnknownRecordTypeSilently() {
        assertEquals(2, problems.size(), problems.toString());
    }
}
