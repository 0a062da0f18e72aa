package org.reprodiff.ingest.wandb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interns history keys by their UTF-8 bytes, so that the millions of items of a large log are looked up in
 * place in the record buffer without building a string per item. Open addressing with linear probing; the
 * table doubles at half load. Keys are kept in first-seen order.
 */
final class WandbKeyTable {
    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private WandbHistoryKey[] values = new WandbHistoryKey[64];
    private final List<WandbHistoryKey> ordered = new ArrayList<>();

    /** The key spelled by {@code b[off, off+len)}, created on first sight; {@code lastSegment} starts its last part. */
    WandbHistoryKey intern(byte[] b, int off, int len, int lastSegment) {
        int h = hash(b, off, len);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                String name = new String(b, off, len, StandardCharsets.UTF_8);
                String last = new String(b, lastSegment, off + len - lastSegment, StandardCharsets.UTF_8);
                WandbHistoryKey key = new WandbHistoryKey(name, last);
                keys[i] = Arrays.copyOfRange(b, off, off + len);
                hashes[i] = h;
                values[i] = key;
                ordered.add(key);
                if (ordered.size() * 2 > keys.length) {
                    grow();
                }
                return key;
            }
            if (hashes[i] == h && k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
                return values[i];
            }
        }
    }

    /** The key with this dotted name, created on first sight (its last segment is after the last dot). */
    WandbHistoryKey intern(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        int lastDot = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '.') {
                lastDot = i;
            }
        }
        return intern(b, 0, b.length, lastDot + 1);
    }

    List<WandbHistoryKey> inOrder() {
        return ordered;
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0x811C9DC5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        WandbHistoryKey[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[keys.length];
        values = new WandbHistoryKey[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                values[i] = oldValues[j];
            }
        }
    }
}
