package org.reprodiff.sample;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Writes a W&B {@code .wandb} transaction log byte for byte as wandb-core writes it
 * ({@code core/pkg/leveldb/record.go} with the IEEE CRC, FORMATS.md 2.2): the 7-byte header {@code :W&B},
 * {@code E1 BE}, version; then 32 KiB blocks of chunks {@code crc32 u32 LE, length u16 LE, type u8, data},
 * the checksum being the plain CRC-32 of the type byte and the data.
 *
 * <p>Invariants, as in W&B's writer: a record starts in the current block if a 7-byte chunk header fits there,
 * else the rest of the block is zero-filled; a record that fits in the remaining space is one FULL chunk
 * (even when it fills the block exactly), otherwise FIRST, MIDDLE…, LAST chunks; with exactly 7 bytes left the
 * FIRST chunk is empty. The last block is not padded. Output depends only on the records written.
 */
public final class WandbLogWriter implements Closeable {
    public static final int BLOCK = 32 * 1024;
    public static final int HEADER = 7;
    static final int FULL = 1;
    static final int FIRST = 2;
    static final int MIDDLE = 3;
    static final int LAST = 4;

    private final OutputStream out;
    private final byte[] block = new byte[BLOCK];
    private final CRC32 crc = new CRC32();
    private int pos;
    private long written;
    private boolean finished;

    /** Starts a log with the given store version (W&B writes 0). */
    public WandbLogWriter(OutputStream out, int version) {
        this.out = out;
        block[0] = ':';
        block[1] = 'W';
        block[2] = '&';
        block[3] = 'B';
        block[4] = (byte) 0xE1;
        block[5] = (byte) 0xBE;
        block[6] = (byte) version;
        pos = HEADER;
    }

    public WandbLogWriter(OutputStream out) {
        this(out, 0);
    }

    /** Appends one record payload (a serialised {@code Record}). */
    public void write(byte[] record) throws IOException {
        if (finished) {
            throw new IllegalStateException("log already finished");
        }
        if (pos + HEADER > BLOCK) {
            Arrays.fill(block, pos, BLOCK, (byte) 0);
            pos = BLOCK;
            flushBlock();
        }
        int header = pos;
        pos += HEADER;
        boolean first = true;
        int off = 0;
        while (off < record.length) {
            if (pos == BLOCK) {
                seal(header, first ? FIRST : MIDDLE);
                flushBlock();
                header = 0;
                pos = HEADER;
                first = false;
            }
            int n = Math.min(BLOCK - pos, record.length - off);
            System.arraycopy(record, off, block, pos, n);
            pos += n;
            off += n;
        }
        seal(header, first ? FULL : LAST);
    }

    /** Bytes handed to the stream so far plus those buffered. */
    public long size() {
        return written + pos;
    }

    private void seal(int header, int type) {
        int length = pos - header - HEADER;
        crc.reset();
        crc.update(type);
        crc.update(block, header + HEADER, length);
        int c = (int) crc.getValue();
        block[header] = (byte) c;
        block[header + 1] = (byte) (c >>> 8);
        block[header + 2] = (byte) (c >>> 16);
        block[header + 3] = (byte) (c >>> 24);
        block[header + 4] = (byte) length;
        block[header + 5] = (byte) (length >>> 8);
        block[header + 6] = (byte) type;
    }

    private void flushBlock() throws IOException {
        out.write(block, 0, pos);
        written += pos;
        pos = 0;
    }

    /** Writes the last, unpadded block; does not close the stream. No record may follow. */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            out.write(block, 0, pos);
            written += pos;
            pos = 0;
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
