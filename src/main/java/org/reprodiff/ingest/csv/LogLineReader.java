package org.reprodiff.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text log line by line from bytes, streaming. A line ends at {@code \n}, at any run of {@code \r}
 * followed by {@code \n} ({@code \r\n}, and the {@code \r\r\n} that Keras's CSVLogger writes on Windows), or at
 * a run of {@code \r} alone (old Mac files); the ending is never part of the line. Line numbers count lines so
 * ended, from 1, the way an editor shows them. A UTF-8 byte-order mark at the start is dropped. Invariants: after
 * {@link #next()} returned a line, {@link #lineNumber()} is its number and {@link #terminated()} says whether it
 * had an ending (false only for a last line cut short, e.g. by a running job); a line longer than the limit is
 * cut at the limit and flagged {@link #overlong()}, and the rest of it is skipped.
 */
final class LogLineReader implements Closeable {
    private final InputStream in;
    private final byte[] chunk = new byte[65536];
    private int chunkPos;
    private int chunkEnd;
    private final int maxLineBytes;
    private byte[] buf = new byte[256];
    private int len;
    private int pending = -2;
    private long lineNumber;
    private boolean terminated;
    private boolean overlong;
    private boolean first = true;

    LogLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its ending, or null at the end of the input. */
    String next() throws IOException {
        len = 0;
        overlong = false;
        terminated = false;
        int c = pending == -2 ? read() : pending;
        pending = -2;
        if (c < 0) {
            return null;
        }
        while (c >= 0) {
            if (c == '\n') {
                terminated = true;
                break;
            }
            if (c == '\r') {
                terminated = true;
                do {
                    c = read();
                } while (c == '\r');
                if (c != '\n') {
                    pending = c;
                }
                break;
            }
            append((byte) c);
            c = read();
        }
        lineNumber++;
        int start = 0;
        if (first) {
            first = false;
            if (len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                start = 3;
            }
        }
        return new String(buf, start, len - start, StandardCharsets.UTF_8);
    }

    private int read() throws IOException {
        if (chunkPos == chunkEnd) {
            int n = in.read(chunk);
            if (n <= 0) {
                return -1;
            }
            chunkPos = 0;
            chunkEnd = n;
        }
        return chunk[chunkPos++] & 0xff;
    }

    private void append(byte b) {
        if (len == maxLineBytes) {
            overlong = true;
            return;
        }
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(maxLineBytes, buf.length * 2));
        }
        buf[len++] = b;
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean terminated() {
        return terminated;
    }

    boolean overlong() {
        return overlong;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
