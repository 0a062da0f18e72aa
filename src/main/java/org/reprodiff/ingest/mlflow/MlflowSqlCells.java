package org.reprodiff.ingest.mlflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.reprodiff.model.Numbers;

/**
 * Turns SQLite cells into Java values. SQLite has type affinity, not types: a {@code BIGINT} column can hold text
 * such as {@code 'yesterday'}, which the JDBC getters would silently read as 0. So cells are read as objects and
 * converted here, and anything that is not what the column promises is an {@link IllegalArgumentException} whose
 * message says what was found, for an import problem.
 */
final class MlflowSqlCells {
    /** MLflow's SQL store writes +∞ as the largest double and −∞ as its negative (FORMATS.md 0.1). */
    static final double STORED_INFINITY = 1.7976931348623157e308;

    /**
     * Below this an MLflow timestamp is taken to be in seconds: MLflow before 1.0 logged metric timestamps in
     * seconds (FORMATS.md 0.2); 10^11 ms is March 1973, 10^11 s is far in the future.
     */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private MlflowSqlCells() {
    }

    /** An integer cell, or null for NULL. */
    static Long toLong(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            return ((Number) cell).longValue();
        }
        Double d = cell instanceof Number n ? Double.valueOf(n.doubleValue()) : Numbers.parseStrict(text(cell));
        if (d == null || !Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e18) {
            throw new IllegalArgumentException("not an integer: " + describe(cell));
        }
        return d.longValue();
    }

    /** A real cell, or null for NULL; text is read leniently ({@code nan}, {@code inf} included). */
    static Double toDouble(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        Double d = Numbers.parseStrict(text(cell));
        if (d == null) {
            throw new IllegalArgumentException("not a number: " + describe(cell));
        }
        return d;
    }

    /** A boolean cell as SQLAlchemy writes it (0/1); NULL is false. */
    static boolean toFlag(Object cell) {
        if (cell == null) {
            return false;
        }
        if (cell instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(text(cell)).trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        Double d = Numbers.parseStrict(s);
        if (d == null || Double.isNaN(d)) {
            throw new IllegalArgumentException("not a boolean: " + describe(cell));
        }
        return d != 0;
    }

    /** A stored metric value as the number that was logged: the stored extremes are the infinities again. */
    static double metricValue(double stored, boolean isNan) {
        if (isNan) {
            return Double.NaN;
        }
        if (stored == STORED_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (stored == -STORED_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return stored;
    }

    /** A metric timestamp in epoch milliseconds, converting the seconds of MLflow before 1.0. */
    static long metricMillis(long timestamp) {
        return timestamp != 0 && Math.abs(timestamp) < SECONDS_LIMIT ? timestamp * 1000 : timestamp;
    }

    /** Epoch milliseconds as an instant, or null for NULL. */
    static Instant instant(Object cell) {
        Long ms = toLong(cell);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /** Text of a cell, or null for NULL; a blob is decoded as UTF-8, as SQLite's own text conversion does. */
    static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : cell.toString();
    }

    private static String describe(Object cell) {
        return cell instanceof byte[] bytes ? "a blob of " + bytes.length + " bytes" : "'" + cell + "'";
    }
}
