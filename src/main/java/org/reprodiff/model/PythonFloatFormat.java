package org.reprodiff.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} exactly as Python 3's {@code repr(float)} (and {@code str(float)}) does: the shortest
 * decimal that reads back as the same double, the closest one when several are as short; fixed notation with at
 * least one digit after the point ({@code 3.0}, {@code 123456789.0}, {@code 0.0001}); exponent notation when the
 * value is below 1e-4 or at or above 1e16, without a ".0" and with at least two exponent digits ({@code 1e-05},
 * {@code 1e+16}, {@code 5e-324}); {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}.
 *
 * <p>This is what the MLflow file store writes in {@code metrics/<key>} ({@code f"{ts} {value} {step}"}).
 *
 * <p>Java 17's {@code Double.toString} always reads back as the same double but is not always the shortest
 * (JDK-4511638, fixed in 19). Any decimal of at most 15 significant digits is recovered unchanged from the double
 * nearest to it, so when {@code Double.toString} gives at most 15 digits that read back, those digits are the
 * shortest. Otherwise the digits are worked out exactly from the double's binary value.
 */
public final class PythonFloatFormat {

    private PythonFloatFormat() {
    }

    /** Python's {@code repr(value)}. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        Digits digits = shortestDigits(Math.abs(value));
        layout(digits, out);
        return out.toString();
    }

    /** Significant digits without leading or trailing zeros; value = 0.d1d2d3... x 10^decimalPoint. */
    private record Digits(String digits, int decimalPoint) {
    }

    private static Digits shortestDigits(double positive) {
        if (positive < Double.MIN_NORMAL) {
            // subnormal: fewer than 15 significant digits may be all the precision there is
            return closestReadingBack(new BigDecimal(positive), positive);
        }
        Digits fromJava = parseJavaToString(Double.toString(positive));
        if (fromJava.digits().length() <= 15) {
            return fromJava; // Double.toString always reads back; at most 15 digits is then the shortest
        }
        return shortestFromSeventeen(positive, fromJava.decimalPoint() - 1);
    }

    /**
     * For a normal double needing more than 15 digits or printed too long by Java: the exact 17-digit truncation
     * {@code n17} of the value (and whether the rest is below, at or above half a unit) decides every candidate.
     * At 15 digits at most one decimal reads back (their spacing exceeds an ulp); at 16 the nearer of the two
     * around the value is taken if it reads back, else the other; at 17 the correctly rounded one always does.
     */
    private static Digits shortestFromSeventeen(double v, int exp10Guess) {
        long bits = Double.doubleToRawLongBits(v);
        long mantissa = (bits & 0xF_FFFF_FFFF_FFFFL) | (1L << 52);
        int biasedExp = (int) ((bits >>> 52) & 0x7FF);
        int binaryExp = biasedExp - 1075;
        int exp10 = exp10Guess;
        for (int attempt = 0; ; attempt++) {
            int q = exp10 - 16; // value = (n17 + rest) * 10^q, 10^16 <= n17 < 10^17
            // value * 10^-q = mantissa * unit / den exactly
            BigInteger unit = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            if (binaryExp >= 0) {
                unit = unit.shiftLeft(binaryExp);
            } else {
                den = den.shiftLeft(-binaryExp);
            }
            if (q >= 0) {
                den = den.multiply(tenPow(q));
            } else {
                unit = unit.multiply(tenPow(-q));
            }
            BigInteger num = unit.multiply(BigInteger.valueOf(mantissa));
            BigInteger[] qr;
            if (q <= 0 && binaryExp < 0) { // den is 2^-binaryExp: shift instead of dividing
                qr = new BigInteger[] {num.shiftRight(-binaryExp),
                    num.and(BigInteger.ONE.shiftLeft(-binaryExp).subtract(BigInteger.ONE))};
            } else {
                qr = num.divideAndRemainder(den);
            }
            long n17 = qr[0].longValue();
            if (attempt == 0 && (qr[0].bitLength() > 62 || n17 >= 100_000_000_000_000_000L)) {
                exp10++;
                continue;
            }
            if (attempt == 0 && n17 < 10_000_000_000_000_000L) {
                exp10--;
                continue;
            }
            Interval reading = new Interval(num, unit, den, mantissa, biasedExp);
            int restVsHalf = qr[1].shiftLeft(1).compareTo(den); // rest of the value against half a unit of n17
            boolean restZero = qr[1].signum() == 0;
            for (int digits = 15; digits <= 16; digits++) {
                long step = digits == 15 ? 100 : 10;
                long floor = n17 / step;
                long below = n17 % step;
                boolean exact = below == 0 && restZero;
                long ceil = exact ? floor : floor + 1;
                int vsHalf = below != step / 2 ? Long.compare(below, step / 2) : (restZero ? 0 : 1);
                long nearer = vsHalf < 0 || (vsHalf == 0 && (floor & 1) == 0) ? floor : ceil;
                long farther = nearer == floor ? ceil : floor;
                int scale = q + (digits == 15 ? 2 : 1);
                if (reading.contains(nearer * step)) {
                    return fromScaled(nearer, scale);
                }
                if (reading.contains(farther * step)) {
                    return fromScaled(farther, scale);
                }
            }
            boolean up = restVsHalf > 0 || (restVsHalf == 0 && (n17 & 1) == 1);
            return fromScaled(up ? n17 + 1 : n17, q);
        }
    }

    /**
     * The decimals that read back as the double, in units of 10^q: those strictly between the midpoints to its
     * neighbours, or on a midpoint when its mantissa is even (round half to even). All scaled by 4 * den.
     */
    private static final class Interval {
        private final BigInteger low;
        private final BigInteger high;
        private final BigInteger den4;
        private final boolean inclusive;

        Interval(BigInteger num, BigInteger unit, BigInteger den, long mantissa, int biasedExp) {
            BigInteger num4 = num.shiftLeft(2);
            boolean narrowBelow = mantissa == (1L << 52) && biasedExp > 1; // the gap below a power of two is half
            this.low = num4.subtract(narrowBelow ? unit : unit.shiftLeft(1));
            this.high = num4.add(unit.shiftLeft(1));
            this.den4 = den.shiftLeft(2);
            this.inclusive = (mantissa & 1) == 0;
        }

        /** Whether {@code candidate} x 10^q reads back as the double. */
        boolean contains(long candidate) {
            BigInteger c = den4.multiply(BigInteger.valueOf(candidate));
            int vsLow = c.compareTo(low);
            int vsHigh = c.compareTo(high);
            return inclusive ? vsLow >= 0 && vsHigh <= 0 : vsLow > 0 && vsHigh < 0;
        }
    }

    private static final BigInteger[] TEN_POWERS = new BigInteger[400];

    static {
        TEN_POWERS[0] = BigInteger.ONE;
        for (int i = 1; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = TEN_POWERS[i - 1].multiply(BigInteger.TEN);
        }
    }

    private static BigInteger tenPow(int n) {
        return TEN_POWERS[n];
    }

    private static Digits fromScaled(long significand, int scale) {
        String s = Long.toString(significand);
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(s.substring(0, end), s.length() + scale);
    }

    /** The closest decimal of the fewest digits that reads back as {@code value} (used for subnormals). */
    private static Digits closestReadingBack(BigDecimal exact, double value) {
        for (int p = 1; p < 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downReads = down.doubleValue() == value;
            boolean upReads = up.doubleValue() == value;
            if (downReads && upReads) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp == 0) {
                    return fromBigDecimal(down.unscaledValue().testBit(0) ? up : down);
                }
                return fromBigDecimal(cmp < 0 ? down : up);
            }
            if (downReads || upReads) {
                return fromBigDecimal(downReads ? down : up);
            }
        }
        return fromBigDecimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** Parses Java's {@code 1.2345E-5} / {@code 123.45} forms into digits and decimal point position. */
    private static Digits parseJavaToString(String s) {
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String all = intPart + mantissa.substring(dot + 1);
        int point = intPart.length() + exponent;
        int start = 0;
        while (start < all.length() - 1 && all.charAt(start) == '0') {
            start++;
            point--;
        }
        int end = all.length();
        while (end > start + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(all.substring(start, end), point);
    }

    private static Digits fromBigDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale());
    }

    private static void layout(Digits d, StringBuilder out) {
        String digits = d.digits();
        int point = d.decimalPoint();
        int n = digits.length();
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (point <= 0) {
            out.append("0.");
            for (int i = 0; i < -point; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (point < n) {
            out.append(digits, 0, point).append('.').append(digits, point, n);
        } else {
            out.append(digits);
            for (int i = n; i < point; i++) {
                out.append('0');
            }
            out.append(".0");
        }
    }
}
