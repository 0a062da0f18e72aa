package org.reprodiff.ingest.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.sample.EventFileWriter;

/**
 * Damaged event files. The layout, worked out by hand: the file_version record is 40 bytes (12 header + 24 data:
 * wall_time 9, file_version 2 + 13, + 4 footer); each scalar record with tag {@code loss} and a step below 128 is
 * 42 bytes (data: wall_time 9, step 2, summary 2 + [value 2 + (tag 2 + 4, simple_value 5)] = 26). So the
 * scalar of step k starts at byte 40 + 42 (k - 1): 40, 82, 124, 166, 208; the file is 250 bytes.
 */
class TensorboardDamageTest {
    private static final String NAME = "events.out.tfevents.1700000000.host.1.0";
    private final TensorboardImporter importer = new TensorboardImporter();

    @TempDir
    Path dir;
    private Path run;
    private Path file;

    @BeforeEach
    void fiveScalars() throws IOException {
        run = Files.createDirectory(dir.resolve("run"));
        file = run.resolve(NAME);
        try (EventFileWriter w = EventFileWriter.create(file, 1.0)) {
            for (int k = 1; k <= 5; k++) {
                w.scalar("loss", k, k * 0.5f, 10.0 + k);
            }
            assertEquals(250, w.size());
        }
    }

    @Test
    void aBadDataChecksumSkipsThatRecordOnly() {
        EventRecords.flip(file, 124 + 12 + 3);
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 4, 5}, r.metric("loss").steps());
        assertArrayEquals(new double[] {0.5, 1.0, 2.0, 2.5}, r.metric("loss").values());
        assertProblem(r, "byte 124", "data checksum mismatch; the record of 26 bytes is skipped");
        assertFalse(r.truncated());
    }

    @Test
    void aBadLengthIsSkippedToTheNextIntactRecord() {
        EventRecords.flip(file, 124 + 2);
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 4, 5}, r.metric("loss").steps());
        assertProblem(r, "byte 124", "length checksum mismatch; 42 bytes skipped to the next intact record at byte 166");
        assertFalse(r.truncated());
    }

    @Test
    void aBadLengthChecksumInTheLastRecordLosesOnlyThatRecord() {
        EventRecords.flip(file, 208 + 9);
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 3, 4}, r.metric("loss").steps());
        assertProblem(r, "byte 208", "length checksum mismatch and no intact record after it; the last 42 bytes are not read");
    }

    @Test
    void aFileCutInsideARecordEndsTheSeriesAndMarksTheRunTruncated() {
        EventRecords.cut(file, 208 + 20);
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 3, 4}, r.metric("loss").steps());
        assertEquals(2.0, r.metric("loss").last());
        assertTrue(r.truncated());
        assertProblem(r, "byte 208", "record of 26 bytes cut off: the file ends 8 bytes after its header;"
                + " a crashed or still-running job");
    }

    @Test
    void aFileCutInsideAHeaderIsTruncatedToo() {
        EventRecords.cut(file, 208 + 5);
        Run r = read();
        assertEquals(4, r.metric("loss").size());
        assertTrue(r.truncated());
        assertProblem(r, "byte 208", "the file ends inside a record header (5 of 12 bytes); a crashed or still-running job");
    }

    @Test
    void aHugeLengthWithAValidChecksumIsCheckedAgainstTheFileBeforeAnything() throws IOException {
        EventRecords.cut(file, 124);
        byte[] header = new byte[12];
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40)
                .putInt(EventFileWriter.maskedCrc(header, 0, 8));
        Files.write(file, header, StandardOpenOption.APPEND);
        Files.write(file, new byte[100], StandardOpenOption.APPEND);
        Run r = read();
        assertArrayEquals(new long[] {1, 2}, r.metric("loss").steps());
        assertTrue(r.truncated());
        assertProblem(r, "byte 124", "record of 1099511627776 bytes cut off: the file ends 100 bytes after its header;"
                + " a crashed or still-running job");
    }

    @Test
    void aRecordThatIsNotAnEventIsReportedAndReadingGoesOn() throws IOException {
        Path other = run.resolve(NAME + ".2");
        try (EventFileWriter w = EventFileWriter.create(other, 1.0)) {
            w.record(new byte[] {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x0f});
            w.scalar("loss", 6, 3f, 16.0);
        }
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, r.metric("loss").steps());
        assertEquals(1, r.problems().size());
        ImportProblem p = r.problems().get(0);
        assertEquals(other.toString(), p.file());
        assertEquals("byte 40", p.where());
        assertTrue(p.message().startsWith("not a readable Event: "), p.message());
    }

    @Test
    void aDamagedRecordBiggerThanTheBufferIsSkippedWithoutLosingWhatFollows() throws IOException {
        Path big = run.resolve(NAME + ".3");
        try (EventFileWriter w = EventFileWriter.create(big, 1.0)) {
            w.scalar("loss", 6, 3f, 16.0);
            w.graphDef(new byte[2 << 20], 17.0);
            w.scalar("loss", 7, 3.5f, 18.0);
        }
        // the graph record starts at 40 + 42 = 82; its data: wall_time 9 + tag 1 + length varint 4 + 2097152
        EventRecords.flip(big, 82 + 12 + 1000);
        Run r = read();
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7}, r.metric("loss").steps());
        assertProblem(r, "byte 82", "data checksum mismatch; the record of 2097166 bytes is skipped");
        assertEquals(big.toString(), r.problems().get(0).file());
    }

    private Run read() {
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size());
        Run r = result.runs().get(0);
        assertEquals(result.problems(), r.problems());
        return r;
    }

    private void assertProblem(Run r, String where, String message) {
        List<ImportProblem> problems = r.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(where, problems.get(0).where());
        assertEquals(message, problems.get(0).message());
        if (!problems.get(0).file().endsWith(".3")) {
            assertEquals(file.toString(), problems.get(0).file());
        }
    }
}
