package org.reprodiff.diff;

/** How one entry differs between run A and run B; {@link #id()} is the word the JSON contract uses. */
public enum Change {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed"),
    TYPE_CHANGED("type-changed"),
    MAJOR("major"),
    MINOR("minor"),
    PATCH("patch"),
    PRE_RELEASE("pre-release"),
    LOCAL_BUILD("local-build"),
    DOWNGRADE_MAJOR("downgrade-major"),
    DOWNGRADE_MINOR("downgrade-minor"),
    DOWNGRADE_PATCH("downgrade-patch");

    private final String id;

    Change(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
