package org.reprodiff.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ) and compact tick labels, for the SVG drawing. */
final class AxisTicks {
    private AxisTicks() {
    }

    /** About {@code target} ticks covering [lo, hi]; the first and last tick enclose the range. */
    static List<Double> ticks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = step((hi - lo) / Math.max(1, target));
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        List<Double> out = new ArrayList<>();
        for (int i = 0; start + i * step <= end + step * 1e-9 && i < 100; i++) {
            double v = start + i * step;
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    private static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** A short, locale-independent label: 420, 0.25, 1.5e-05, 2.5e+06. */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e7) {
            BigDecimal d = new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        String mantissa = new BigDecimal(s.substring(0, s.indexOf('e'))).stripTrailingZeros().toPlainString();
        return mantissa + s.substring(s.indexOf('e'));
    }
}
