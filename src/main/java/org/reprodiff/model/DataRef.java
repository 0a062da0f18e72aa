package org.reprodiff.model;

import java.util.Objects;

/** A dataset a run used: its name, a digest when the tool recorded one (else null), and where it was found. */
public record DataRef(String name, String digest, String origin) {
    public DataRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }
}
