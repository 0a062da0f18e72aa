package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.MetricSeries;

/**
 * W&B system metrics ({@code stats} records: CPU, memory, disk, network, GPU) as series named
 * {@code system/<key>}, so that the diff keeps them apart from the user's metrics. A sample has no training
 * step: each series is stepped by its own sample number (0, 1, 2, ...) and carries the record's timestamp as
 * wall time. A dict value (older SDKs log {@code network} as {@code {"sent": .., "recv": ..}}) becomes
 * {@code system/network.sent} and so on; text values are left out. Not thread-safe.
 */
final class WandbSystemMetrics {
    static final String PREFIX = "system/";

    private final WandbValues values = new WandbValues();
    private final Map<String, MetricSeries.Builder> series = new LinkedHashMap<>();

    /** One sample value {@code b[off, off+len)} of {@code key}. */
    void sample(String key, byte[] b, int off, int len, long wallMillis) {
        switch (values.classify(b, off, len)) {
            case NUMBER -> add(PREFIX + key, values.number(), wallMillis);
            case OBJECT -> {
                WandbTree tree = new WandbTree();
                try {
                    tree.set(PREFIX + key, WandbValues.parse(new String(b, off, len, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return;
                }
                tree.flatten((name, leaf) -> {
                    Double v = WandbValues.numeric(leaf);
                    if (v != null) {
                        add(name, v, wallMillis);
                    }
                }, (name, text) -> { });
            }
            default -> { }
        }
    }

    private void add(String name, double v, long wallMillis) {
        MetricSeries.Builder s = series.computeIfAbsent(name, MetricSeries.Builder::new);
        s.add(s.size(), v, wallMillis);
    }

    List<MetricSeries> series() {
        List<MetricSeries> out = new ArrayList<>();
        series.values().forEach(s -> out.add(s.build()));
        return out;
    }
}
