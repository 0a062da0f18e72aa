package org.reprodiff.ingest.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ingest.tensorboard.EventRecords.event;
import static org.reprodiff.ingest.tensorboard.EventRecords.message;
import static org.reprodiff.ingest.tensorboard.EventRecords.packed;
import static org.reprodiff.ingest.tensorboard.EventRecords.tensor;
import static org.reprodiff.ingest.tensorboard.EventRecords.tensorValue;
import static org.reprodiff.ingest.tensorboard.EventRecords.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.sample.EventFileWriter;

/**
 * Which summary values are scalars, from hand-built records. Expected values by hand: half 0x3C00 = 1.0; half
 * 0x3555 = (1 + 341/1024) * 2^(13 - 15) = 0.333251953125; bfloat16 0x4049 = float 0x40490000 = 2 * (1 +
 * 0x490000 / 2^23) = 3.140625; int8 0xFE = -2.
 */
class TensorboardValuesTest {
    private final TensorboardImporter importer = new TensorboardImporter();

    @TempDir
    Path dir;

    @Test
    void numericRankZeroAndOneElementTensorsAreScalars() throws IOException {
        Run r = read(
                event(1.0, 1, tensorValue("half_content", tensor(19, new long[0], o -> o.writeByteArray(4, new byte[] {0x00, 0x3c})))),
                event(1.0, 1, tensorValue("half_val", tensor(19, new long[0], o -> packed(o, 13, p -> p.writeInt32NoTag(0x3555))))),
                event(1.0, 1, tensorValue("bfloat16", tensor(14, new long[0], o -> packed(o, 13, p -> p.writeInt32NoTag(0x4049))))),
                event(1.0, 1, tensorValue("int32", tensor(3, new long[0], o -> packed(o, 7, p -> p.writeInt32NoTag(-3))))),
                event(1.0, 1, tensorValue("int64", tensor(9, new long[0], o -> o.writeInt64(10, 7)))),
                event(1.0, 1, tensorValue("int64_content", tensor(9, new long[0],
                        o -> o.writeByteArray(4, new byte[] {0, 0, 0, 0, 0, 1, 0, 0})))),
                event(1.0, 1, tensorValue("int8_content", tensor(6, new long[0], o -> o.writeByteArray(4, new byte[] {(byte) 0xfe})))),
                event(1.0, 1, tensorValue("rank1_single", tensor(1, new long[] {1}, o -> packed(o, 5, p -> p.writeFloatNoTag(0.5f))))),
                event(1.0, 1, tensorValue("unpacked_float", tensor(1, new long[0], o -> o.writeFloat(5, 0.25f)))),
                event(1.0, 1, tensorValue("unpacked_double", tensor(2, new long[] {1, 1}, o -> o.writeDouble(6, -4.5)))));
        assertEquals(1.0, r.metric("half_content").last());
        assertEquals(0.333251953125, r.metric("half_val").last());
        assertEquals(3.140625, r.metric("bfloat16").last());
        assertEquals(-3.0, r.metric("int32").last());
        assertEquals(7.0, r.metric("int64").last());
        assertEquals(1099511627776.0, r.metric("int64_content").last(), "byte 5 set: 2^40");
        assertEquals(-2.0, r.metric("int8_content").last());
        assertEquals(0.5, r.metric("rank1_single").last());
        assertEquals(0.25, r.metric("unpacked_float").last());
        assertEquals(-4.5, r.metric("unpacked_double").last());
        assertEquals(10, r.metrics().size());
    }

    @Test
    void vectorsStringsEmptyTensorsAndHparamsValuesAreNotScalars() throws IOException {
        byte[] hparamsMetadata = message(o -> o.writeByteArray(1, message(p -> p.writeString(1, "hparams"))));
        Run r = read(
                event(1.0, 1, tensorValue("broadcast", tensor(1, new long[] {3}, o -> packed(o, 5, p -> p.writeFloatNoTag(1f))))),
                event(1.0, 1, tensorValue("vector", tensor(1, new long[] {2}, o -> packed(o, 5, p -> {
                    p.writeFloatNoTag(1f);
                    p.writeFloatNoTag(2f);
                })))),
                event(1.0, 1, tensorValue("two_values", tensor(1, new long[0], o -> packed(o, 5, p -> {
                    p.writeFloatNoTag(1f);
                    p.writeFloatNoTag(2f);
                })))),
                event(1.0, 1, tensorValue("text", tensor(7, new long[0], o -> o.writeByteArray(8, "hello".getBytes(StandardCharsets.UTF_8))))),
                event(1.0, 1, tensorValue("null_tensor", tensor(1, new long[] {0}, o -> { }))),
                event(1.0, 1, tensorValue("bool", tensor(10, new long[0], o -> o.writeBool(11, true)))),
                event(1.0, 0, value("_hparams_/session_start_info", o -> {
                    o.writeFloat(2, 1f);
                    o.writeByteArray(9, hparamsMetadata);
                })),
                event(2.0, 0, value("_hparams_/session_start_info", o -> o.writeFloat(2, 1f))),
                event(1.0, 1, value("loss", o -> o.writeFloat(2, 9f))));
        assertEquals(List.of("loss"), r.metrics().stream().map(MetricSeries::key).toList(),
                "the hparams tag stays non-scalar after its first occurrence too");
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void unknownFieldsAndFieldOrderDoNotMatter() throws IOException {
        byte[] summary = message(o -> o.writeByteArray(1, message(v -> {
            v.writeFloat(2, 1.5f);
            v.writeByteArray(50, new byte[] {1, 2, 3});
            v.writeString(1, "late_tag");
        })));
        byte[] reordered = message(o -> {
            o.writeUInt64(99, 12345);
            o.writeByteArray(5, summary);
            o.writeInt64(2, 42);
            o.writeString(3, "brain.Event:2");
            o.writeDouble(1, 3.5);
        });
        Run r = read(reordered);
        MetricSeries s = r.metric("late_tag");
        assertArrayEquals(new long[] {42}, s.steps());
        assertArrayEquals(new double[] {1.5}, s.values());
        assertArrayEquals(new long[] {3500}, s.wallTimes());
    }

    @Test
    void imagesAreSkippedAndAScalarMergedWithThemIsKeptInBigAndSmallRecords() throws IOException {
        byte[] smallImage = message(o -> o.writeByteArray(4, new byte[1000]));
        byte[] bigImage = message(o -> o.writeByteArray(4, new byte[3 << 20]));
        byte[] histogram = message(o -> o.writeDouble(1, 0.0));
        Run r = read(
                event(1.0, 1, value("picture", o -> o.writeByteArray(4, smallImage)), value("merged_loss", o -> o.writeFloat(2, 1f))),
                event(2.0, 2, value("picture", o -> o.writeByteArray(4, bigImage)),
                        value("weights", o -> o.writeByteArray(5, histogram)),
                        value("merged_loss", o -> o.writeFloat(2, 0.5f))),
                event(3.0, 3, value("merged_loss", o -> o.writeFloat(2, 0.25f))));
        assertEquals(List.of("merged_loss"), r.metrics().stream().map(MetricSeries::key).toList());
        assertArrayEquals(new long[] {1, 2, 3}, r.metric("merged_loss").steps());
        assertArrayEquals(new double[] {1.0, 0.5, 0.25}, r.metric("merged_loss").values());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void anEventWithoutWallTimeHasNoTimeAndStepZero() throws IOException {
        byte[] noTime = message(o -> o.writeByteArray(5, message(s -> s.writeByteArray(1, value("x", v -> v.writeFloat(2, 2f))))));
        Run r = read(noTime);
        assertArrayEquals(new long[] {0}, r.metric("x").steps());
        assertArrayEquals(new long[] {MetricSeries.NO_TIME}, r.metric("x").wallTimes());
    }

    private Run read(byte[]... events) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        try (EventFileWriter w = EventFileWriter.create(run.resolve("events.out.tfevents.1.host"), 1.0)) {
            for (byte[] e : events) {
                w.record(e);
            }
        }
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size());
        return result.runs().get(0);
    }
}
