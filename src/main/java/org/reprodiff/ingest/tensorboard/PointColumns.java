package org.reprodiff.ingest.tensorboard;

import java.util.Arrays;
import org.reprodiff.model.MetricSeries;

/**
 * The points of one series while a folder is read: step, value bits and wall time interleaved in chunks of
 * {@code long}s that grow from 32 to 65536 points and are never copied while reading; {@link #build} copies them
 * once into the exact-size arrays of a {@link MetricSeries}. Growing three arrays by doubling instead (as
 * {@code MetricSeries.Builder} does) copies every point again at each doubling; on a 2-million-point file that
 * made storing a point cost about as much as decoding it. Values keep their exact bits (NaN payloads
 * included). Not thread-safe.
 */
final class PointColumns {
    private static final int FIRST_CHUNK = 32;
    private static final int MAX_CHUNK = 1 << 16;

    private long[][] full = new long[4][];
    private int fullCount;
    private int fullPoints;
    private long[] chunk = new long[3 * FIRST_CHUNK];
    private int pos;

    void add(long step, double value, long wallMs) {
        long[] c = chunk;
        int p = pos;
        if (p == c.length) {
            c = nextChunk();
            p = 0;
        }
        c[p] = step;
        c[p + 1] = Double.doubleToRawLongBits(value);
        c[p + 2] = wallMs;
        pos = p + 3;
    }

    int size() {
        return fullPoints + pos / 3;
    }

    MetricSeries build(String key) {
        int n = size();
        long[] steps = new long[n];
        double[] values = new double[n];
        long[] times = new long[n];
        int i = 0;
        for (int k = 0; k <= fullCount; k++) {
            long[] c = k < fullCount ? full[k] : chunk;
            int end = k < fullCount ? c.length : pos;
            for (int p = 0; p < end; p += 3, i++) {
                steps[i] = c[p];
                values[i] = Double.longBitsToDouble(c[p + 1]);
                times[i] = c[p + 2];
            }
        }
        return new MetricSeries(key, steps, values, times);
    }

    private long[] nextChunk() {
        if (fullCount == full.length) {
            full = Arrays.copyOf(full, fullCount * 2);
        }
        full[fullCount++] = chunk;
        fullPoints += chunk.length / 3;
        chunk = new long[Math.min(chunk.length * 2, 3 * MAX_CHUNK)];
        pos = 0;
        return chunk;
    }
}
