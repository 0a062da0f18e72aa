package org.reprodiff.sample;

import java.util.SplittableRandom;

/**
 * Seeded identifiers in the shapes MLflow and git give them: run ids and model uuids are {@code uuid4().hex}
 * (32 lower-case hex digits, version nibble 4, variant 8-b), experiment ids are 18-digit integers as the 2.x file
 * store draws them, git commits are 40 hex digits. Pure functions of the random stream passed in.
 */
final class MlflowIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MlflowIds() {
    }

    static String uuidHex(SplittableRandom random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        StringBuilder b = new StringBuilder(32);
        appendHex(b, hi, 16);
        appendHex(b, lo, 16);
        return b.toString();
    }

    static String experimentId(SplittableRandom random) {
        return Long.toString(random.nextLong(100_000_000_000_000_000L, 1_000_000_000_000_000_000L));
    }

    static String gitCommit(SplittableRandom random) {
        StringBuilder b = new StringBuilder(40);
        appendHex(b, random.nextLong(), 16);
        appendHex(b, random.nextLong(), 16);
        appendHex(b, random.nextLong(), 8);
        return b.toString();
    }

    private static void appendHex(StringBuilder b, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            b.append(HEX[(int) (value >>> (4 * i)) & 0xF]);
        }
    }
}
