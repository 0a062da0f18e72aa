package org.reprodiff.model;

import java.util.Objects;

/** A seed a run recorded: its key, its value as text, and where it was found (e.g. {@code param}, {@code sacred.seed}). */
public record SeedRecord(String key, String value, String origin) {
    public SeedRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
