package org.reprodiff.diff;

import java.util.Objects;

/**
 * One entry that differs between run A and run B: its key (a dotted parameter path, a package name, an
 * environment fact…), the value on each side as text (null where the entry is absent on that side), how it
 * changed, and a note (the reason for an expected difference, the evidence for a package change…; may be empty).
 */
public record Difference(String key, String a, String b, Change change, String note) {
    public Difference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(change, "change");
        note = note == null ? "" : note;
    }

    /** A difference whose change follows from which side has the entry. */
    public static Difference of(String key, String a, String b) {
        Change c = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
        return new Difference(key, a, b, c, "");
    }
}
