package org.reprodiff.ingest.wandb;

import org.reprodiff.model.MetricSeries;

/**
 * One history key of a run, interned once per run by {@link WandbKeyTable}: its dotted name, its role (the
 * reserved {@code _step}, {@code _runtime} and {@code _timestamp} are not metrics), its series, the last value
 * it took (for keys used as a {@code define_metric} step metric), the step metric bound to it, and its latest
 * summary value. Mutable state of one {@link WandbHistory}; never shared between runs.
 */
final class WandbHistoryKey {

    enum Role { STEP, RUNTIME, TIMESTAMP, VALUE }

    final String name;
    final Role role;
    /** The key's last segment is {@code _type}: it marks a media or table object logged as several items. */
    final boolean typeMarker;
    /** The name without its last segment, or null for a one-segment key. */
    final String parent;

    MetricSeries.Builder series;
    double last = Double.NaN;
    boolean seen;
    /** Items under a media object (a sibling {@code _type} was seen): never a metric. */
    boolean media;
    WandbHistoryKey stepMetric;
    int definitionsVersion = -1;
    boolean warnedStepMetric;
    /** This key's latest top-level summary value, once the summary has updated it. */
    WandbSummarySlot summary;

    WandbHistoryKey(String name, String lastSegment) {
        this.name = name;
        this.role = switch (name) {
            case "_step" -> Role.STEP;
            case "_runtime" -> Role.RUNTIME;
            case "_timestamp" -> Role.TIMESTAMP;
            default -> Role.VALUE;
        };
        this.typeMarker = "_type".equals(lastSegment);
        this.parent = lastSegment.length() < name.length()
                ? name.substring(0, name.length() - lastSegment.length() - 1) : null;
    }

    MetricSeries.Builder series() {
        if (series == null) {
            series = new MetricSeries.Builder(name);
        }
        return series;
    }
}
