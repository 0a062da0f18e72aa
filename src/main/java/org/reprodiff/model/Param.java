package org.reprodiff.model;

import java.util.Objects;

/** One parameter: a dotted key ({@code optimizer.lr}) and its typed value. */
public record Param(String key, ParamValue value) {
    public Param {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
