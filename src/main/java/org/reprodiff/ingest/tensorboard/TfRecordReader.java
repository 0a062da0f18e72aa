package org.reprodiff.ingest.tensorboard;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.zip.CRC32C;
import org.reprodiff.model.ImportProblem;

/**
 * Reads the TFRecord framing of one event file (FORMATS.md 3.2): {@code uint64 length | uint32 masked CRC-32C of
 * the 8 length bytes | data | uint32 masked CRC-32C of the data}, little-endian. Streams the file through one
 * reused buffer with positional reads; a record that fits the buffer is handed over in place, with one protobuf
 * wire reader per buffer fill rather than one per record, a bigger one (a
 * graph, a merged TF1 summary with images) is checksummed in a first pass and then handed over as a stream, so
 * its payload is never held in memory.
 *
 * <p>Damage, each reported as a problem at {@code byte N}, the offset of the record's first byte:
 * <ul>
 * <li>data checksum wrong (length checksum right): that record is skipped and reading goes on after it;
 * <li>length checksum wrong: the length cannot be trusted, so the reader looks for the next offset where both
 *     checksums hold (a 64-bit match, not a guess) and resumes there; without one the rest of the file is left;
 * <li>the file ends inside a record (a crashed or still-running job): reading stops and the file counts as
 *     truncated.
 * </ul>
 * A length is checked against the bytes the file still holds before anything is read for it. Checks for
 * interruption every 4096 records. Not thread-safe; one reader can read many files in turn.
 */
final class TfRecordReader {
    static final int HEADER = 12;
    static final int FOOTER = 4;
    private static final int MASK_DELTA = 0xa282ead8;
    private static final int SCRATCH = 1 << 16;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Receives the records whose checksums hold. */
    interface RecordSink {
        /**
         * A record held in {@code array[offset, offset + length)}, valid only during the call; {@code in} reads
         * {@code array} from index 0 and stands at {@code offset}. Returns whether {@code in} was left at the
         * record's end (false: it is in an unknown state and is replaced).
         */
        boolean record(CodedInputStream in, byte[] array, int offset, int length, long fileOffset) throws IOException;

        /** A record too big for the buffer, streamed from the file. */
        void largeRecord(InputStream data, int length, long fileOffset) throws IOException;
    }

    /** How reading one file ended. */
    enum End { COMPLETE, TRUNCATED, DAMAGED, CANCELLED }

    private final byte[] a;
    private final ByteBuffer view;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = ByteBuffer.allocate(SCRATCH);
    private FileChannel channel;
    private long size;
    /** Reads {@code a[0, lim)} as it was when made; null once the buffer's bytes moved or grew. */
    private CodedInputStream wire;
    private long bufStart;
    private int pos;
    private int lim;

    TfRecordReader(int bufferSize) {
        a = new byte[bufferSize];
        view = ByteBuffer.wrap(a);
    }

    /** Reads every record of {@code channel} (its size taken now) into {@code sink}; problems name {@code file}. */
    End read(FileChannel channel, String file, RecordSink sink, List<ImportProblem> problems) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        wire = null;
        bufStart = 0;
        pos = 0;
        lim = 0;
        long records = 0;
        End end = End.COMPLETE;
        while (true) {
            if ((++records & 4095) == 0 && Thread.currentThread().isInterrupted()) {
                return End.CANCELLED;
            }
            long at = bufStart + pos;
            long left = size - at;
            if (left == 0) {
                return end;
            }
            if (left < HEADER) {
                problems.add(problem(file, at, "the file ends inside a record header (" + left + " of 12 bytes)"
                        + "; a crashed or still-running job"));
                return End.TRUNCATED;
            }
            if (!fill(HEADER)) {
                problems.add(shrunk(file, at));
                return End.TRUNCATED;
            }
            long length = (long) LONG.get(a, pos);
            if (masked(a, pos, 8) != (int) INT.get(a, pos + 8)) {
                long next = resync(at + 1);
                if (next < 0) {
                    problems.add(problem(file, at, "length checksum mismatch and no intact record after it; the last "
                            + left + " bytes are not read"));
                    return End.DAMAGED;
                }
                problems.add(problem(file, at, "length checksum mismatch; " + (next - at)
                        + " bytes skipped to the next intact record at byte " + next));
                end = End.DAMAGED;
                seek(next);
                continue;
            }
            if (length < 0 || length > left - HEADER - FOOTER) {
                problems.add(problem(file, at, "record of " + Long.toUnsignedString(length) + " bytes cut off: the file"
                        + " ends " + (left - HEADER) + " bytes after its header; a crashed or still-running job"));
                return End.TRUNCATED;
            }
            if (length + HEADER + FOOTER <= a.length) {
                int n = (int) length;
                if (!fill(HEADER + n + FOOTER)) {
                    problems.add(shrunk(file, at));
                    return End.TRUNCATED;
                }
                if (masked(a, pos + HEADER, n) == (int) INT.get(a, pos + HEADER + n)) {
                    decode(sink, pos + HEADER, n, at);
                } else {
                    problems.add(dataMismatch(file, at, length));
                    end = End.DAMAGED;
                }
                pos += HEADER + n + FOOTER;
            } else {
                if (length > Integer.MAX_VALUE - 64) {
                    problems.add(problem(file, at, "record of " + length + " bytes is too big to be an Event; skipped"));
                    end = End.DAMAGED;
                } else if (dataIntact(at, length)) {
                    sink.largeRecord(new ChannelRangeStream(channel, at + HEADER, length), (int) length, at);
                } else {
                    problems.add(dataMismatch(file, at, length));
                    end = End.DAMAGED;
                }
                seek(at + HEADER + length + FOOTER);
            }
        }
    }

    /** Hands a record over through the wire reader of the current buffer, made when the buffer last changed. */
    private void decode(RecordSink sink, int offset, int length, long at) throws IOException {
        if (wire == null || wire.getTotalBytesRead() > offset) {
            wire = CodedInputStream.newInstance(a, 0, lim);
        }
        wire.skipRawBytes(offset - wire.getTotalBytesRead());
        if (!sink.record(wire, a, offset, length, at)) {
            wire = null;
        }
    }

    private static ImportProblem shrunk(String file, long at) {
        return problem(file, at, "the file became shorter while it was read");
    }

    private static ImportProblem dataMismatch(String file, long at, long length) {
        return problem(file, at, "data checksum mismatch; the record of " + length + " bytes is skipped");
    }

    private static ImportProblem problem(String file, long at, String message) {
        return new ImportProblem(file, "byte " + at, message);
    }

    /** The first offset at or after {@code from} where a record's length and data checksums both hold, or -1. */
    private long resync(long from) throws IOException {
        long p = from;
        while (true) {
            seek(p);
            if (!fill(HEADER)) {
                return -1;
            }
            int last = lim - HEADER;
            for (int i = pos; i <= last; i++) {
                if (masked(a, i, 8) == (int) INT.get(a, i + 8)) {
                    long at = bufStart + i;
                    long length = (long) LONG.get(a, i);
                    if (length >= 0 && length <= size - at - HEADER - FOOTER && dataIntact(at, length)) {
                        return at;
                    }
                }
            }
            p = bufStart + last + 1;
        }
    }

    /** Whether the data checksum of the record at {@code at} holds, read through the scratch buffer. */
    private boolean dataIntact(long at, long length) throws IOException {
        crc.reset();
        long p = at + HEADER;
        long end = p + length;
        while (p < end) {
            scratch.clear();
            scratch.limit((int) Math.min(SCRATCH, end - p));
            int n = channel.read(scratch, p);
            if (n <= 0) {
                return false;
            }
            crc.update(scratch.array(), 0, n);
            p += n;
        }
        int c = (int) crc.getValue();
        int expected = ((c >>> 15) | (c << 17)) + MASK_DELTA;
        scratch.clear();
        scratch.limit(FOOTER);
        while (scratch.hasRemaining()) {
            if (channel.read(scratch, end + scratch.position()) <= 0) {
                return false;
            }
        }
        return (int) INT.get(scratch.array(), 0) == expected;
    }

    /** Moves the read position to file offset {@code p}, keeping buffered bytes when they cover it. */
    private void seek(long p) {
        if (p >= bufStart && p <= bufStart + lim) {
            pos = (int) (p - bufStart);
        } else {
            bufStart = p;
            pos = 0;
            lim = 0;
            wire = null;
        }
    }

    /** Makes {@code need} bytes available from {@code pos} when the file holds them; false when it does not. */
    private boolean fill(int need) throws IOException {
        if (lim - pos >= need) {
            return true;
        }
        wire = null;
        if (a.length - pos < need) {
            System.arraycopy(a, pos, a, 0, lim - pos);
            bufStart += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim - pos < need) {
            long fileLeft = size - (bufStart + lim);
            if (fileLeft <= 0) {
                return false;
            }
            view.limit((int) Math.min(a.length, lim + fileLeft)).position(lim);
            int n = channel.read(view, bufStart + lim);
            if (n <= 0) {
                return false;
            }
            lim += n;
        }
        return true;
    }

    private int masked(byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }
}
