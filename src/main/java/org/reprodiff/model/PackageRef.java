package org.reprodiff.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An installed package. {@code name} is normalised (PEP 503: lower case, runs of {@code -_.} become {@code -});
 * {@code version} is the exact version, or null when only a constraint was recorded ({@code pip<=23.1.2}), in
 * which case {@code constraint} holds it; {@code manager} is {@code pip} or {@code conda}; {@code origin} says
 * which file it came from.
 */
public record PackageRef(String name, String version, String constraint, String manager, String origin) {
    public PackageRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(origin, "origin");
        name = normalise(name);
    }

    public static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
