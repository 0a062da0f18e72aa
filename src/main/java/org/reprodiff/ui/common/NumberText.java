package org.reprodiff.ui.common;

import java.util.Locale;

/**
 * How the screen shows a measured number: four significant digits without trailing zeros ({@code 0.004},
 * {@code 0.1235}, {@code 1.235e+05}), {@code NaN}, {@code ∞} and {@code −∞} as such. Exact values stay in the
 * model; this is for reading.
 */
public final class NumberText {
    private NumberText() {
    }

    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int exp = s.indexOf('e');
        String mantissa = exp >= 0 ? s.substring(0, exp) : s;
        String exponent = exp >= 0 ? s.substring(exp) : "";
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
