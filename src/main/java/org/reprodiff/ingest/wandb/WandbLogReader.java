package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.reprodiff.model.Progress;

/**
 * Reads the framing of a {@code .wandb} transaction log (FORMATS.md 2.2) and hands each reassembled record
 * payload to a {@link RecordSink}. The file is streamed one 32 KiB block at a time; a record that fits in one
 * chunk is handed over straight from the block buffer, only a record split over several chunks is copied.
 *
 * <p>Format, as W&B writes it ({@code core/pkg/leveldb/record.go}, {@code wandb/sdk/internal/datastore.py}): a
 * 7-byte header ({@code :W&B}, magic {@code 0xBEE1} little-endian, a version byte), then 32 KiB blocks aligned
 * to file offset 0, so block 0 holds 32761 bytes of chunks. A chunk is {@code crc32 u32 LE, length u16 LE,
 * type u8, data}; it never crosses a block; fewer than 7 bytes left in a block are padding. The checksum is the
 * plain IEEE CRC-32 of the type byte followed by the data (not masked, not CRC-32C): checked on every real log.
 *
 * <p>Invariants: every length is checked against the block before any byte is used; the only allocation that
 * grows with the input is the buffer of a multi-chunk record, bounded by the bytes actually read. Recovery is
 * the LevelDB one W&B uses: a bad chunk (checksum, length, type) drops the record being assembled and the rest
 * of its block, and reading resumes at the next block with the next FULL or FIRST chunk; an all-zero chunk
 * header marks a zeroed block and is skipped. A file that ends inside a chunk or inside a multi-chunk record is
 * truncated: every complete record before that point is delivered.
 */
final class WandbLogReader {
    static final int BLOCK = 32 * 1024;
    static final int HEADER = 7;
    static final byte[] IDENT = {':', 'W', '&', 'B'};
    static final int MAGIC = 0xBEE1;
    static final int FULL = 1;
    static final int FIRST = 2;
    static final int MIDDLE = 3;
    static final int LAST = 4;
    /** The newest store version this reader knows (FORMATS.md says 0; W&B's source has a version 1 after 0.30). */
    static final int NEWEST_VERSION = 1;

    /** Receives each record; returns false to stop reading (cancellation). Must not keep {@code buf}. */
    interface RecordSink {
        boolean accept(byte[] buf, int off, int len, long fileOffset);
    }

    /** How reading went: whether the header was valid, its version, and whether the file was cut short. */
    record Outcome(boolean readable, int version, boolean truncated, boolean cancelled, long records) {
    }

    private final String file;
    private final WandbProblems problems;
    private final CRC32 crc = new CRC32();
    private final byte[] block = new byte[BLOCK];
    private byte[] record = new byte[0];
    private int recordLength;
    private long recordOffset = -1;
    private boolean skipping;
    private long records;

    WandbLogReader(String file, WandbProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Cheap sniff: does the file start with the W&B header identifier? Never throws. */
    static boolean hasHeader(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(IDENT.length);
            return Arrays.equals(head, IDENT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    Outcome read(Path path, RecordSink sink, Progress progress) throws IOException {
        long size = Files.size(path);
        if (size == 0) {
            problems.add(file, "", "empty file (0 bytes): the run wrote no records; read as truncated");
            return new Outcome(false, -1, true, false, 0);
        }
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(block, 0, BLOCK);
            int version = checkHeader(n);
            if (version < 0) {
                return new Outcome(false, -1, n < HEADER, false, 0);
            }
            long blockStart = 0;
            int pos = HEADER;
            while (true) {
                int end = readBlock(n, pos, blockStart, sink);
                if (end == STOPPED) {
                    return new Outcome(true, version, false, true, records);
                }
                if (end == TRUNCATED) {
                    return new Outcome(true, version, true, false, records);
                }
                progress.update(blockStart + n, size, file);
                if (n < BLOCK) {
                    break;
                }
                blockStart += BLOCK;
                n = in.readNBytes(block, 0, BLOCK);
                pos = 0;
                if (n == 0) {
                    break;
                }
            }
            if (recordOffset >= 0) {
                problems.add(file, "byte " + recordOffset, "the file ends inside a record that spans blocks"
                        + " (its last chunk is missing): the log is truncated");
                return new Outcome(true, version, true, false, records);
            }
            return new Outcome(true, version, false, false, records);
        }
    }

    private static final int DONE = 0;
    private static final int STOPPED = -1;
    private static final int TRUNCATED = -2;

    /** Returns the version, or -1 after reporting why the file is not a readable log. */
    private int checkHeader(int n) {
        if (n < HEADER) {
            problems.add(file, "byte 0", "the file is " + n + " bytes long, too short for the 7-byte W&B header;"
                    + " read as truncated");
            return -1;
        }
        if (!Arrays.equals(block, 0, IDENT.length, IDENT, 0, IDENT.length)) {
            problems.add(file, "byte 0", "not a W&B transaction log: it does not start with ':W&B'");
            return -1;
        }
        int magic = (block[4] & 0xFF) | (block[5] & 0xFF) << 8;
        if (magic != MAGIC) {
            problems.add(file, "byte 4", String.format("not a W&B transaction log: magic 0x%04X, expected 0xBEE1", magic));
            return -1;
        }
        int version = block[6] & 0xFF;
        if (version > NEWEST_VERSION) {
            problems.add(file, "byte 6", "store version " + version + " is newer than this reader knows ("
                    + NEWEST_VERSION + "); read with the same framing");
        }
        return version;
    }

    /** Walks the chunks of one block of {@code n} bytes from {@code pos}; returns DONE, STOPPED or TRUNCATED. */
    private int readBlock(int n, int pos, long blockStart, RecordSink sink) {
        while (pos + HEADER <= n) {
            long at = blockStart + pos;
            int checksum = (block[pos] & 0xFF) | (block[pos + 1] & 0xFF) << 8 | (block[pos + 2] & 0xFF) << 16
                    | (block[pos + 3] & 0xFF) << 24;
            int length = (block[pos + 4] & 0xFF) | (block[pos + 5] & 0xFF) << 8;
            int type = block[pos + 6] & 0xFF;
            if (checksum == 0 && length == 0 && type == 0) {
                if (recordOffset >= 0) {
                    corrupt(at, "a zeroed chunk header inside a record that spans blocks");
                }
                return DONE;
            }
            int dataEnd = pos + HEADER + length;
            if (dataEnd > BLOCK) {
                corrupt(at, "chunk length " + length + " runs past the end of its 32 KiB block");
                return DONE;
            }
            if (dataEnd > n) {
                problems.add(file, "byte " + at, "the file ends inside a chunk (" + length + " bytes announced, "
                        + (n - pos - HEADER) + " present): the log is truncated");
                return TRUNCATED;
            }
            crc.reset();
            crc.update(type);
            crc.update(block, pos + HEADER, length);
            if ((int) crc.getValue() != checksum) {
                corrupt(at, String.format("chunk checksum mismatch (stored 0x%08X, computed 0x%08X)",
                        checksum, (int) crc.getValue()));
                return DONE;
            }
            if (!chunk(type, pos + HEADER, length, at, sink)) {
                return type == FULL || type == LAST ? STOPPED : DONE;
            }
            pos = dataEnd;
        }
        if (n < BLOCK && pos < n) {
            problems.add(file, "byte " + (blockStart + pos), "the file ends inside a chunk header (" + (n - pos)
                    + " of 7 bytes): the log is truncated");
            return TRUNCATED;
        }
        return DONE;
    }

    /** Handles one valid chunk; returns false when the sink asked to stop or the block must be left. */
    private boolean chunk(int type, int off, int length, long at, RecordSink sink) {
        switch (type) {
            case FULL -> {
                dropPartial(at);
                skipping = false;
                records++;
                return sink.accept(block, off, length, at);
            }
            case FIRST -> {
                dropPartial(at);
                skipping = false;
                recordOffset = at;
                recordLength = 0;
                append(off, length);
                return true;
            }
            case MIDDLE, LAST -> {
                if (recordOffset < 0) {
                    if (!skipping) {
                        problems.add("orphan chunk", file, "byte " + at, "a continuation chunk without its first"
                                + " chunk; skipped");
                    }
                    return true;
                }
                append(off, length);
                if (type == LAST) {
                    long start = recordOffset;
                    recordOffset = -1;
                    records++;
                    return sink.accept(record, 0, recordLength, start);
                }
                return true;
            }
            default -> {
                corrupt(at, "unknown chunk type " + type);
                return false;
            }
        }
    }

    private void append(int off, int length) {
        if (recordLength + length > record.length) {
            record = Arrays.copyOf(record, Math.max(recordLength + length, record.length * 2));
        }
        System.arraycopy(block, off, record, recordLength, length);
        recordLength += length;
    }

    private void dropPartial(long at) {
        if (recordOffset >= 0) {
            problems.add("incomplete record", file, "byte " + recordOffset, "a record split over several chunks"
                    + " has no last chunk before byte " + at + "; its records are lost");
            recordOffset = -1;
        }
    }

    /** A bad chunk: the record being assembled and the rest of the block are lost. */
    private void corrupt(long at, String what) {
        String lost = recordOffset >= 0 ? "the record started at byte " + recordOffset + " and " : "";
        problems.add("bad chunk", file, "byte " + at, what + "; " + lost + "the rest of this 32 KiB block"
                + " (up to byte " + ((at / BLOCK + 1) * BLOCK) + ") are skipped");
        recordOffset = -1;
        skipping = true;
    }
}
