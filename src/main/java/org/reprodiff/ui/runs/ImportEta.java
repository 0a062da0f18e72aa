package org.reprodiff.ui.runs;

/**
 * The estimated time left of an import, as text, from how many units are done of how many and how long that
 * took: the rate so far, extrapolated. Blank while nothing is done or the total is unknown (an estimate from no
 * data would only jump about).
 */
public final class ImportEta {
    private ImportEta() {
    }

    /**
     * "less than a second left", "about 42 s left", "about 3 min left" (to the nearest minute), "about 1 h 05 min
     * left"; blank when {@code done <= 0}, {@code total <= 0} or {@code done >= total}.
     */
    public static String text(long done, long total, long elapsedNanos) {
        if (done <= 0 || total <= 0 || done >= total || elapsedNanos < 0) {
            return "";
        }
        double leftSeconds = elapsedNanos / 1e9 * (total - done) / done;
        if (leftSeconds < 1) {
            return "less than a second left";
        }
        if (leftSeconds < 60) {
            return "about " + (long) Math.ceil(leftSeconds) + " s left";
        }
        long minutes = Math.round(leftSeconds / 60);
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        return String.format("about %d h %02d min left", minutes / 60, minutes % 60);
    }
}
