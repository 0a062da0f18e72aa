package org.reprodiff.ingest.tensorboard;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprodiff.model.MetricSeries;

/**
 * The summary tags of one folder, looked up by their UTF-8 bytes so that a record's tag costs no allocation once
 * seen. Each tag has an index (stable, in order of first appearance), its text, the plugin its metadata named
 * (TensorBoard writes the metadata on a tag's first occurrence only, FORMATS.md 3.3) and its points, created
 * on the first point. Open addressing over a hash of the bytes; never shrinks. Not thread-safe.
 */
final class TagTable {
    /** No metadata seen for the tag yet (or metadata without a plugin name). */
    static final int PLUGIN_NONE = 0;
    static final int PLUGIN_HPARAMS = 1;
    static final int PLUGIN_OTHER = 2;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots = new int[64];
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private String[] names = new String[16];
    private int[] plugins = new int[16];
    private PointColumns[] points = new PointColumns[16];
    private int count;

    TagTable() {
        Arrays.fill(slots, -1);
    }

    /** The index of the tag whose bytes are {@code bytes[offset, offset + length)}, adding it when new. */
    int lookup(byte[] bytes, int offset, int length) {
        int h = hash(bytes, offset, length);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e < 0) {
                return add(bytes, offset, length, h, s);
            }
            if (hashes[e] == h && Arrays.equals(keys[e], 0, keys[e].length, bytes, offset, offset + length)) {
                return e;
            }
        }
    }

    /** A hash of every byte, eight at a time (a tag is usually 5 to 40 bytes). */
    private static int hash(byte[] bytes, int offset, int length) {
        long h = (length + 1) * SEED;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) WORD.get(bytes, i)) * SEED;
        }
        if (i < end) {
            long tail = 0;
            for (int k = 0; i < end; i++, k += 8) {
                tail |= (bytes[i] & 0xffL) << k;
            }
            h = (h ^ tail) * SEED;
        }
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    int size() {
        return count;
    }

    String name(int index) {
        return names[index];
    }

    int plugin(int index) {
        return plugins[index];
    }

    void plugin(int index, int plugin) {
        plugins[index] = plugin;
    }

    /** The tag's points, created on first use. */
    PointColumns points(int index) {
        PointColumns p = points[index];
        if (p == null) {
            p = new PointColumns();
            points[index] = p;
        }
        return p;
    }

    /** Every series that received at least one point, in order of the tags' first appearance. */
    List<MetricSeries> allSeries() {
        List<MetricSeries> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (points[i] != null) {
                out.add(points[i].build(names[i]));
            }
        }
        return out;
    }

    private int add(byte[] bytes, int offset, int length, int h, int slot) {
        if (count == keys.length) {
            int cap = count * 2;
            keys = Arrays.copyOf(keys, cap);
            hashes = Arrays.copyOf(hashes, cap);
            names = Arrays.copyOf(names, cap);
            plugins = Arrays.copyOf(plugins, cap);
            points = Arrays.copyOf(points, cap);
        }
        int e = count++;
        keys[e] = Arrays.copyOfRange(bytes, offset, offset + length);
        hashes[e] = h;
        names[e] = new String(bytes, offset, length, StandardCharsets.UTF_8);
        slots[slot] = e;
        if (count * 2 > slots.length) {
            rehash();
        }
        return e;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int e = 0; e < count; e++) {
            int s = hashes[e] & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e;
        }
    }
}
