package org.reprodiff.sample;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes one string scalar the way PyYAML's {@code SafeDumper} does in block style: plain when it can be read
 * back as the same string, else single-quoted ({@code ''}, {@code '0'}, {@code '0.001'}, {@code 'true'},
 * {@code '2023-12-04 09:00:00.1'}, {@code 'a: b'}).
 *
 * <p>Invariant: only printable ASCII on one line, short enough that PyYAML (width 80) would not fold it; anything
 * else is refused with {@link IllegalArgumentException} rather than written in a shape PyYAML would not write.
 */
final class PyYamlScalar {

    private static final int BEST_WIDTH = 80;

    // PyYAML's implicit resolvers (yaml/resolver.py): a plain scalar matching one of them would not read back as str.
    private static final Set<String> BOOLS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL", "");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private PyYamlScalar() {
    }

    /**
     * The scalar as PyYAML writes it after {@code key: } at {@code column} (the column where the scalar starts),
     * so that a too-long scalar with spaces, which PyYAML would fold, is refused.
     */
    static String of(String value, int column) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not printable ASCII on one line: " + value);
            }
        }
        String text = resolvesToOtherType(value) || !plainAllowed(value) ? singleQuoted(value) : value;
        if (text.indexOf(' ') >= 0 && column + text.length() > BEST_WIDTH) {
            throw new IllegalArgumentException("PyYAML would fold this scalar over several lines: " + value);
        }
        return text;
    }

    private static boolean resolvesToOtherType(String v) {
        return BOOLS.contains(v) || NULLS.contains(v) || v.equals("<<") || v.equals("=")
                || FLOAT.matcher(v).matches() || INT.matcher(v).matches() || TIMESTAMP.matcher(v).matches();
    }

    /** PyYAML's {@code Emitter.analyze_scalar}, reduced to the block-plain decision for printable ASCII. */
    private static boolean plainAllowed(String v) {
        if (v.isEmpty() || v.startsWith("---") || v.startsWith("...")) {
            return false;
        }
        if (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ') {
            return false;
        }
        boolean precededBySpace = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean followedBySpace = i + 1 >= v.length() || v.charAt(i + 1) == ' ';
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    return false;
                }
                if ((c == '?' || c == ':' || c == '-') && followedBySpace) {
                    return false;
                }
            } else {
                if (c == ':' && followedBySpace) {
                    return false;
                }
                if (c == '#' && precededBySpace) {
                    return false;
                }
            }
            precededBySpace = c == ' ';
        }
        return true;
    }

    private static String singleQuoted(String v) {
        return "'" + v.replace("'", "''") + "'";
    }
}
