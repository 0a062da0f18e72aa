package org.reprodiff.report;

import java.awt.Color;
import org.reprodiff.diff.Change;
import org.reprodiff.diff.Verdict;

/** The palette the PDF and HTML reports share (the charts' own colours are in {@code chart.ChartStyle}). */
final class ReportColors {
    static final Color TEXT = new Color(0x22, 0x29, 0x30);
    static final Color MUTED = new Color(0x5F, 0x6B, 0x76);
    static final Color RULE = new Color(0xD5, 0xDA, 0xDF);
    static final Color FAINT_RULE = new Color(0xE6, 0xE9, 0xEC);
    static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF3);
    static final Color ZEBRA = new Color(0xF7, 0xF8, 0xFA);
    static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    static final Color GOOD = new Color(0x2E, 0x7D, 0x32);
    static final Color BAD = new Color(0xC6, 0x28, 0x28);
    static final Color WARN = new Color(0xA8, 0x5B, 0x00);

    private ReportColors() {
    }

    static Color verdict(Verdict v) {
        return switch (v) {
            case REPRODUCED -> GOOD;
            case ROBUST -> new Color(0x00, 0x69, 0x5C);
            case EXPLAINED -> WARN;
            case NONDETERMINISTIC -> BAD;
        };
    }

    /** A light tint of a colour, for a box behind text in that colour. */
    static Color tint(Color c) {
        return new Color(255 - (255 - c.getRed()) / 10, 255 - (255 - c.getGreen()) / 10, 255 - (255 - c.getBlue()) / 10);
    }

    static Color change(Change c) {
        return switch (c) {
            case ADDED -> GOOD;
            case REMOVED -> BAD;
            case MAJOR, DOWNGRADE_MAJOR, TYPE_CHANGED -> BAD;
            default -> WARN;
        };
    }

    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
