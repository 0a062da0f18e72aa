package org.reprodiff.model;

import java.time.Instant;
import java.util.List;

/**
 * A row of the runs list: what the store keeps in columns so listing, sorting and filtering never load whole
 * runs. {@code twinGroup} is null while twin groups are not defined, or when the run belongs to none.
 */
public record RunSummary(long id, String format, String nativeId, String name, String experiment,
                         RunStatus status, String source, Instant startTime, Instant endTime, int paramCount,
                         List<String> metricKeys, boolean deleted, boolean truncated, String twinGroup) {
    public RunSummary {
        metricKeys = List.copyOf(metricKeys);
    }
}
