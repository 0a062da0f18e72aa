package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.WandbLogWriter;

/**
 * The {@code .wandb} framing: blocks, chunk types, the checksum and recovery. Logs are written by the sample
 * writer; every offset below was worked out by hand from the 7-byte file header, the 7-byte chunk headers and
 * the 32768-byte blocks.
 */
class WandbLogReaderTest {

    @TempDir
    Path temp;

    private record Got(long offset, byte[] payload) {
    }

    private final List<Got> got = new ArrayList<>();
    private final WandbProblems problems = new WandbProblems();

    private WandbLogReader.Outcome read(Path file) throws IOException {
        return new WandbLogReader(file.toString(), problems).read(file, (buf, off, len, at) -> {
            got.add(new Got(at, Arrays.copyOfRange(buf, off, off + len)));
            return true;
        }, Progress.NONE);
    }

    private Path log(String name, byte[]... records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WandbLogWriter writer = new WandbLogWriter(bytes);
        for (byte[] r : records) {
            writer.write(r);
        }
        writer.finish();
        return Files.write(temp.resolve(name), bytes.toByteArray());
    }

    private static byte[] filled(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void readsRecordsThatSpanBlocksAtTheirFirstChunkOffset() throws IOException {
        byte[] r1 = filled(10, 1);
        byte[] r2 = filled(40_000, 2);
        byte[] r3 = filled(100, 3);
        Path file = log("span.wandb", r1, r2, r3);
        // r1 at 7..24; r2 FIRST at 24 (32737 bytes), LAST at 32768 (7263 bytes) ending at 40038; r3 at 40038
        assertEquals(40_145, Files.size(file));

        WandbLogReader.Outcome outcome = read(file);

        assertTrue(outcome.readable());
        assertFalse(outcome.truncated());
        assertEquals(3, got.size());
        assertEquals(List.of(7L, 24L, 40_038L), got.stream().map(Got::offset).toList());
        assertArrayEquals(r1, got.get(0).payload());
        assertArrayEquals(r2, got.get(1).payload());
        assertArrayEquals(r3, got.get(2).payload());
        assertTrue(problems.isEmpty());
    }

    @Test
    void writesAnEmptyFirstChunkWhenExactlySevenBytesRemain() throws IOException {
        byte[] r1 = filled(32_747, 1);
        byte[] r2 = filled(100, 2);
        Path file = log("seven.wandb", r1, r2);
        byte[] raw = Files.readAllBytes(file);
        // r1 ends at 7 + 7 + 32747 = 32761: a FIRST chunk of length 0 there, the LAST chunk in block 1
        assertEquals(32_768 + 7 + 100, raw.length);
        assertEquals(0, raw[32_761 + 4]);
        assertEquals(0, raw[32_761 + 5]);
        assertEquals(2, raw[32_761 + 6]);
        assertEquals(4, raw[32_768 + 6]);

        read(file);

        assertEquals(List.of(7L, 32_761L), got.stream().map(Got::offset).toList());
        assertArrayEquals(r2, got.get(1).payload());
        assertTrue(problems.isEmpty());
    }

    @Test
    void aRecordThatFillsItsBlockExactlyIsOneFullChunk() throws IOException {
        Path file = log("exact.wandb", filled(32_754, 1), filled(100, 2));
        byte[] raw = Files.readAllBytes(file);
        assertEquals(1, raw[7 + 6]);
        assertEquals(1, raw[32_768 + 6]);

        read(file);

        assertEquals(List.of(7L, 32_768L), got.stream().map(Got::offset).toList());
    }

    @Test
    void skipsZeroPaddingAtTheEndOfABlock() throws IOException {
        // r1 ends at 7 + 7 + 32750 = 32764: the last 4 bytes of block 0 are padding
        Path file = log("pad.wandb", filled(32_750, 1), filled(100, 2));
        byte[] raw = Files.readAllBytes(file);
        assertArrayEquals(new byte[4], Arrays.copyOfRange(raw, 32_764, 32_768));

        read(file);

        assertEquals(List.of(7L, 32_768L), got.stream().map(Got::offset).toList());
        assertTrue(problems.isEmpty());
    }

    @Test
    void checksumIsPlainCrc32OfTheTypeByteAndTheData() throws IOException {
        Path file = log("crc.wandb", new byte[] {'a', 'b', 'c'});
        byte[] raw = Files.readAllBytes(file);
        // zlib.crc32(b"\x01abc") == 0x539d20a9, stored little-endian
        assertArrayEquals(new byte[] {(byte) 0xA9, 0x20, (byte) 0x9D, 0x53, 3, 0, 1},
                Arrays.copyOfRange(raw, 7, 14));
        read(file);
        assertEquals(1, got.size());
    }

    @Test
    void aBadChunkLosesTheRestOfItsBlockOnly() throws IOException {
        byte[] r1 = filled(10, 1);
        byte[] r2 = filled(100, 2);
        byte[] r3 = filled(40_000, 3);
        byte[] r4 = filled(50, 4);
        Path file = log("bad.wandb", r1, r2, r3, r4);
        // r1 at 7, r2 at 24, r3 FIRST at 131 (32630 bytes) and LAST at 32768 (7370 bytes, ending at 40145),
        // r4 at 40145. A flipped bit in r2 loses r2 and r3 (the rest of block 0; r3's LAST chunk is an orphan)
        byte[] raw = Files.readAllBytes(file);
        raw[24 + 7 + 50] ^= 0x40;
        Files.write(file, raw);

        WandbLogReader.Outcome outcome = read(file);

        assertFalse(outcome.truncated());
        assertEquals(List.of(7L, 40_145L), got.stream().map(Got::offset).toList());
        assertArrayEquals(r4, got.get(1).payload());
        List<ImportProblem> all = problems.all();
        assertEquals(1, all.size(), all.toString());
        assertEquals("byte 24", all.get(0).where());
        assertTrue(all.get(0).message().contains("checksum mismatch"), all.get(0).message());
    }

    @Test
    void aFileEndingInsideAChunkIsTruncatedAfterItsCompleteRecords() throws IOException {
        Path whole = log("whole.wandb", filled(10, 1), filled(100, 2));
        byte[] raw = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("cut.wandb"), Arrays.copyOf(raw, raw.length - 30));

        WandbLogReader.Outcome outcome = read(cut);

        assertTrue(outcome.truncated());
        assertEquals(List.of(7L), got.stream().map(Got::offset).toList());
        assertEquals("byte 24", problems.all().get(0).where());
        assertTrue(problems.all().get(0).message().contains("truncated"));
    }

    @Test
    void aFileEndingInsideAChunkHeaderIsTruncated() throws IOException {
        byte[] raw = Files.readAllBytes(log("whole.wandb", filled(10, 1), filled(100, 2)));
        Path cut = Files.write(temp.resolve("cut.wandb"), Arrays.copyOf(raw, 24 + 3));

        assertTrue(read(cut).truncated());
        assertEquals(1, got.size());
        assertEquals("byte 24", problems.all().get(0).where());
    }

    @Test
    void aFileEndingOnABlockBoundaryInsideASpanningRecordIsTruncated() throws IOException {
        byte[] raw = Files.readAllBytes(log("whole.wandb", filled(10, 1), filled(40_000, 2)));
        Path cut = Files.write(temp.resolve("cut.wandb"), Arrays.copyOf(raw, 32_768));

        WandbLogReader.Outcome outcome = read(cut);

        assertTrue(outcome.truncated());
        assertEquals(1, got.size());
        assertEquals("byte 24", problems.all().get(0).where());
    }

    @Test
    void aZeroedBlockIsSkipped() throws IOException {
        byte[] head = Files.readAllBytes(log("a.wandb", filled(32_754, 1)));
        byte[] tail = Files.readAllBytes(log("b.wandb", filled(32_754, 2), filled(20, 3)));
        // block 0 holds a record; block 1 is all zeros; block 2 is b's block 1 (a 20-byte record)
        byte[] raw = new byte[32_768 * 2 + (tail.length - 32_768)];
        System.arraycopy(head, 0, raw, 0, 32_768);
        System.arraycopy(tail, 32_768, raw, 65_536, tail.length - 32_768);
        Path file = Files.write(temp.resolve("zero.wandb"), raw);

        read(file);

        assertEquals(List.of(7L, 65_536L), got.stream().map(Got::offset).toList());
        assertTrue(problems.isEmpty(), problems.all().toString());
    }

    @Test
    void aZeroByteFileIsAProblemAndTruncated() throws IOException {
        Path file = Files.write(temp.resolve("empty.wandb"), new byte[0]);
        WandbLogReader.Outcome outcome = read(file);
        assertTrue(outcome.truncated());
        assertFalse(outcome.readable());
        assertTrue(problems.all().get(0).message().startsWith("empty file (0 bytes)"));
    }

    @Test
    void aFileWithoutTheHeaderIsNotRead() throws IOException {
        Path file = Files.writeString(temp.resolve("text.wandb"), "hello, this is not a log");
        WandbLogReader.Outcome outcome = read(file);
        assertFalse(outcome.readable());
        assertEquals("byte 0", problems.all().get(0).where());
        assertFalse(WandbLogReader.hasHeader(file));
    }

    @Test
    void aNewerStoreVersionIsReadWithAProblem() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WandbLogWriter writer = new WandbLogWriter(bytes, 7);
        writer.write(filled(5, 1));
        writer.finish();
        Path file = Files.write(temp.resolve("v7.wandb"), bytes.toByteArray());

        WandbLogReader.Outcome outcome = read(file);

        assertEquals(7, outcome.version());
        assertEquals(1, got.size());
        assertEquals("byte 6", problems.all().get(0).where());
    }

    @Test
    void stopsWhenTheSinkAsksTo() throws IOException {
        Path file = log("three.wandb", filled(1, 1), filled(1, 2), filled(1, 3));
        WandbLogReader.Outcome outcome = new WandbLogReader(file.toString(), problems).read(file,
                (buf, off, len, at) -> false, Progress.NONE);
        assertTrue(outcome.cancelled());
        assertEquals(1, outcome.records());
    }
}
