package org.reprodiff.model;

/** A run's status as PRODUCT.md lists it; a tool's own status words are mapped onto these by its importer. */
public enum RunStatus {
    FINISHED, FAILED, RUNNING, KILLED, SCHEDULED, UNKNOWN;

    /** Parses a status name case-insensitively; anything unknown is {@link #UNKNOWN}. */
    public static RunStatus parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        for (RunStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
