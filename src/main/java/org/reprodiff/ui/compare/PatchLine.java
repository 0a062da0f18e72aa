package org.reprodiff.ui.compare;

import java.util.ArrayList;
import java.util.List;

/** One line of the unified difference between the two runs' uncommitted patches, with its kind for colouring. */
public record PatchLine(Kind kind, String text) {

    /** What a line of a unified diff is; the text keeps its leading marker, so it reads without colour. */
    public enum Kind { FILE, HUNK, ADDED, REMOVED, CONTEXT }

    /**
     * Splits a unified diff into lines: the {@code ---}/{@code +++} file lines before the first hunk, {@code @@}
     * hunk headers, then + (only in B), − (only in A) and context by their first character (a patch's own
     * {@code +}/{@code -} lines come after that marker).
     */
    public static List<PatchLine> parse(String unified) {
        List<PatchLine> out = new ArrayList<>();
        if (unified == null) {
            return out;
        }
        boolean inHunk = false;
        for (String line : unified.split("\n", -1)) {
            inHunk |= line.startsWith("@@");
            Kind kind = !inHunk && (line.startsWith("+++") || line.startsWith("---")) ? Kind.FILE
                    : line.startsWith("@@") ? Kind.HUNK
                    : line.startsWith("+") ? Kind.ADDED
                    : line.startsWith("-") ? Kind.REMOVED : Kind.CONTEXT;
            out.add(new PatchLine(kind, line));
        }
        return out;
    }
}
