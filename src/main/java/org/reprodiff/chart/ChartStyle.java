package org.reprodiff.chart;

import java.awt.Color;

/** The colours every drawing of a {@link MetricChart} shares, on screen, in the PDF and in SVG. */
public final class ChartStyle {
    public static final Color RUN_A = new Color(0x1F, 0x77, 0xB4);
    public static final Color RUN_B = new Color(0xE8, 0x6A, 0x10);
    public static final Color DELTA = new Color(0x6A, 0x3D, 0x9A);
    public static final Color DIVERGENCE = new Color(0xC6, 0x28, 0x28);
    public static final Color GRID = new Color(0xE3, 0xE6, 0xEA);
    public static final Color AXIS = new Color(0x8A, 0x93, 0x9C);
    public static final Color TEXT = new Color(0x22, 0x29, 0x30);
    public static final Color MUTED = new Color(0x5F, 0x6B, 0x76);

    private ChartStyle() {
    }

    public static Color color(MetricChart.Role role) {
        return switch (role) {
            case A -> RUN_A;
            case B -> RUN_B;
            case DELTA -> DELTA;
        };
    }

    /** {@code #rrggbb} of a colour, for SVG and HTML. */
    public static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
