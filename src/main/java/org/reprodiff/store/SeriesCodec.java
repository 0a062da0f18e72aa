package org.reprodiff.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.reprodiff.model.MetricSeries;

/**
 * The byte layout of a metric series BLOB, little-endian:
 * <pre>
 *   int32  version (1)
 *   int32  n, the number of points
 *   int64  steps[n]
 *   int64  raw IEEE-754 bits of values[n]   (NaN payloads, ±Inf and -0.0 survive exactly)
 *   int64  wall times[n], epoch ms, Long.MIN_VALUE where none was recorded
 * </pre>
 */
final class SeriesCodec {
    private static final int VERSION = 1;

    private SeriesCodec() {
    }

    static byte[] encode(MetricSeries s) {
        int n = s.size();
        ByteBuffer b = ByteBuffer.allocate(8 + 24 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(VERSION).putInt(n);
        b.asLongBuffer().put(s.steps());
        b.position(8 + 8 * n);
        for (double v : s.values()) {
            b.putLong(Double.doubleToRawLongBits(v));
        }
        b.asLongBuffer().put(s.wallTimes());
        return b.array();
    }

    static MetricSeries decode(String key, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt();
        int n = b.getInt();
        if (version != VERSION || n < 0 || data.length != 8 + 24L * n) {
            throw new IllegalStateException("metric " + key + ": corrupt series blob (version " + version + ", " + n + " points, " + data.length + " bytes)");
        }
        long[] steps = new long[n];
        double[] values = new double[n];
        long[] times = new long[n];
        b.asLongBuffer().get(steps);
        b.position(8 + 8 * n);
        for (int i = 0; i < n; i++) {
            values[i] = Double.longBitsToDouble(b.getLong());
        }
        b.asLongBuffer().get(times);
        return new MetricSeries(key, steps, values, times);
    }
}
