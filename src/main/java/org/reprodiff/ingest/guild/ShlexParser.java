package org.reprodiff.ingest.guild;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words the way Python's {@code shlex.split} does in POSIX mode, which is how Guild reads the
 * lines it wrote with {@code shlex.quote} ({@code .guild/opref}, {@code .guild/manifest}): words are separated by
 * blanks; single quotes keep everything literally ({@code ''} is an empty word); double quotes keep everything
 * but a backslash before {@code "}, {@code \}, {@code $} or a backquote; an unquoted backslash keeps the next
 * character. Comments are not recognised (Guild's own splitter turns them off). An unclosed quote or a trailing
 * backslash makes the line invalid: the result is null.
 */
final class ShlexParser {
    private ShlexParser() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    return null;
                }
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                if (i < 0) {
                    return null;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part starting after its quote; returns the index after the closing quote, or -1. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return -1;
    }
}
