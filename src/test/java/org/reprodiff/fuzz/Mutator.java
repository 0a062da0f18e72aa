package org.reprodiff.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid input, the classic byte-level ones plus those that hurt length-prefixed formats:
 * flip bits, overwrite bytes with random or boundary values (0x00, 0x7f, 0x80, 0xff, a big little-endian
 * length), insert, delete, duplicate or shuffle a range, cut the tail. One to four mutations per case; the
 * same seed and case number always give the same bytes, so a failing case can be replayed.
 */
final class Mutator {
    private static final byte[][] BOUNDARIES = {
            {0}, {(byte) 0x7f}, {(byte) 0x80}, {(byte) 0xff},
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f},
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f},
            "\n".getBytes(), "\r\r\n".getBytes(), ",".getBytes(), "\"".getBytes(), "NaN".getBytes(),
            "&a [*a]".getBytes(), "!!python/object:x ".getBytes(), "{[".getBytes(), "\u00e9".getBytes(),
    };

    private Mutator() {
    }

    static byte[] mutate(byte[] seed, long caseSeed) {
        SplittableRandom random = new SplittableRandom(caseSeed);
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = splice(b, at, 0, BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
                case 3 -> {
                    byte[] v = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
                    System.arraycopy(v, 0, b, at, Math.min(v.length, b.length - at));
                }
                case 4 -> b = splice(b, at, 1 + random.nextInt(Math.min(64, b.length - at)), new byte[0]);
                case 5 -> {
                    int len = 1 + random.nextInt(Math.min(256, b.length - at));
                    b = splice(b, random.nextInt(b.length), 0, Arrays.copyOfRange(b, at, at + len));
                }
                case 6 -> b = Arrays.copyOf(b, at);
                default -> {
                    int len = 1 + random.nextInt(Math.min(32, b.length - at));
                    byte[] range = Arrays.copyOfRange(b, at, at + len);
                    b = splice(b, at, len, new byte[0]);
                    b = splice(b, random.nextInt(b.length + 1), 0, range);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
