package org.reprodiff.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * JFreeChart's tick labels in the same compact form as the SVG drawing's ({@link AxisTicks#format}). A log axis
 * puts ticks at fractional powers of ten (10^0.1 = 1.25893…): {@link #rounded(int)} labels them with a few
 * significant digits.
 */
final class TickLabelFormat extends NumberFormat {
    private final MathContext digits;

    TickLabelFormat() {
        this(null);
    }

    private TickLabelFormat(MathContext digits) {
        this.digits = digits;
    }

    /** Labels rounded to {@code significant} significant digits. */
    static TickLabelFormat rounded(int significant) {
        return new TickLabelFormat(new MathContext(significant));
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        double v = Math.abs(number) < 1e-300 ? 0 : number;
        if (digits != null && Double.isFinite(v) && v != 0) {
            v = new BigDecimal(v).round(digits).doubleValue();
        }
        return toAppendTo.append(AxisTicks.format(v));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are only written");
    }
}
