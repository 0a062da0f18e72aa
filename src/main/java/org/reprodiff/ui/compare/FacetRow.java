package org.reprodiff.ui.compare;

import org.reprodiff.diff.Change;
import org.reprodiff.diff.Difference;

/**
 * One row of a facet table: a key with each side's text (null where the side lacks the entry), how it compares,
 * whether it is an expected difference, and the change and note text. A {@link Kind#GROUP} row is the header of
 * the expected-differences group: its key holds the heading, its note says what the group means, and the values
 * are null.
 */
public record FacetRow(String key, String a, String b, Kind kind, boolean expected, String change, String note) {

    /** How the row compares, with a glyph that reads without colour. */
    public enum Kind {
        ADDED("+"),
        REMOVED("−"),
        CHANGED("~"),
        EQUAL("="),
        GROUP("");

        private final String glyph;

        Kind(String glyph) {
            this.glyph = glyph;
        }

        public String glyph() {
            return glyph;
        }
    }

    /** A difference as a row; {@code expected} marks one kept apart with its reason in the note. */
    public static FacetRow of(Difference d, boolean expected) {
        Kind kind = switch (d.change()) {
            case ADDED -> Kind.ADDED;
            case REMOVED -> Kind.REMOVED;
            default -> Kind.CHANGED;
        };
        return new FacetRow(d.key(), d.a(), d.b(), kind, expected, changeText(d.change()), d.note());
    }

    public static FacetRow equal(String key, String a, String b) {
        return new FacetRow(key, a, b, Kind.EQUAL, false, "equal", "");
    }

    /** The heading row of a group: the heading in the key column, the note in the change column. */
    public static FacetRow group(String heading, String note) {
        return new FacetRow(heading, null, null, Kind.GROUP, true, "", note);
    }

    /** A difference the user should look at: added, removed or changed and not expected. */
    public boolean isDifference() {
        return !expected && (kind == Kind.ADDED || kind == Kind.REMOVED || kind == Kind.CHANGED);
    }

    /** The glyph column's text: the change glyph. */
    public String glyph() {
        return kind.glyph();
    }

    /** The change column's text: the change and, after a dot, the note (an expected row's reason). */
    public String changeAndNote() {
        if (kind == Kind.GROUP) {
            return note;
        }
        return note.isEmpty() ? change : change + " · " + note;
    }

    /** Whether the key, either value or the note contains {@code needle} (already lower case). */
    boolean matches(String needle) {
        return contains(key, needle) || contains(a, needle) || contains(b, needle) || contains(note, needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    private static String changeText(Change c) {
        return switch (c) {
            case ADDED -> "only in B";
            case REMOVED -> "only in A";
            default -> c.id();
        };
    }
}
