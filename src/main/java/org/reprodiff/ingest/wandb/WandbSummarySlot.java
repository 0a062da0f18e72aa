package org.reprodiff.ingest.wandb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The latest raw summary value of one top-level key, overwritten in place on every update: a wandb-core log
 * sends a summary update per history row, and only the last one is ever read. It sits in the summary
 * {@link WandbTree} as a {@link WandbTree.Lazy} value and becomes text only when the fold is read.
 */
final class WandbSummarySlot implements WandbTree.Lazy {
    private byte[] bytes = new byte[32];
    private int length;

    void set(byte[] b, int off, int len) {
        if (bytes.length < len) {
            bytes = Arrays.copyOf(bytes, Math.max(len, bytes.length * 2));
        }
        System.arraycopy(b, off, bytes, 0, len);
        length = len;
    }

    @Override
    public String json() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
