package org.reprodiff.model;

import java.util.Objects;

/**
 * A file, or a part of one, that could not be read: the file, the place in it ({@code line 3},
 * {@code field status}, {@code byte 4096}; empty when the whole file is at fault) and what is wrong.
 */
public record ImportProblem(String file, String where, String message) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        where = where == null ? "" : where;
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:where: message}, the form the CLI prints. */
    @Override
    public String toString() {
        return where.isEmpty() ? file + ": " + message : file + ":" + where + ": " + message;
    }
}
