package org.reprodiff.model;

/**
 * The facets of a run, named as PRODUCT.md names them everywhere (JSON, screen, report checklist). Each facet
 * is either captured by a run's source or marked <em>not captured</em>, never silently empty.
 */
public enum Facet {
    PARAMS("params"),
    SEEDS("seeds"),
    CODE("code"),
    CODE_STATE("codeState"),
    DATA("data"),
    ENVIRONMENT("environment"),
    PACKAGES("packages"),
    HARDWARE("hardware"),
    METRICS("metrics");

    private final String id;

    Facet(String id) {
        this.id = id;
    }

    /** The facet's name in the JSON contracts, e.g. {@code codeState}. */
    public String id() {
        return id;
    }

    public static Facet fromId(String id) {
        for (Facet f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown facet: " + id);
    }
}
