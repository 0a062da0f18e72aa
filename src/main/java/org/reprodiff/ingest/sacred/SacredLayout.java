package org.reprodiff.ingest.sacred;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are in a Sacred {@code FileStorageObserver} folder (FORMATS.md 5), from names and file kinds only.
 * A <em>run folder</em> holds {@code run.json}; the observer's <em>base folder</em> holds run folders named by
 * their integer ids ({@code 1/}, {@code 2/}…) beside {@code _sources/} and {@code _resources/}.
 *
 * <p>Sniffs: a folder is a run folder when it holds both {@code run.json} and {@code config.json} (Sacred writes
 * them together when a run starts); it is a base folder when it holds no {@code run.json} itself and one of its
 * first {@value #MAX_SNIFFED_IDS} numeric sub-folders (among its first {@value #MAX_SNIFFED_ENTRIES} entries) holds
 * {@code run.json}. Neither reads a file's content. A base folder the sniff misses (custom ids only) still has
 * each of its run folders found on its own.
 * Times are Sacred's naive UTC ISO-8601 strings ({@code datetime.utcnow().isoformat()}).
 */
final class SacredLayout {
    static final String RUN = "run.json";
    static final String CONFIG = "config.json";
    static final String METRICS = "metrics.json";
    static final String INFO = "info.json";
    static final String COUT = "cout.txt";

    /** How many numeric sub-folders the base-folder sniff stats before it gives up. */
    static final int MAX_SNIFFED_IDS = 8;
    /** How many entries of a folder the base-folder sniff looks at (names only) before it gives up. */
    static final int MAX_SNIFFED_ENTRIES = 512;

    /** {@code <name>_<md5><ext>}: the name Sacred gives a stored source or resource copy. */
    private static final Pattern STORED = Pattern.compile("_([0-9a-fA-F]{32})(\\.[^./\\\\]*)?$");
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private SacredLayout() {
    }

    /** A folder (never a file) that is a run folder or an observer's base folder. Never throws. */
    static boolean canRead(Path path) {
        try {
            if (path == null || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            return isRunFolder(path) || isBaseFolder(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RUN)) && Files.isRegularFile(dir.resolve(CONFIG));
    }

    private static boolean isBaseFolder(Path dir) {
        if (Files.exists(dir.resolve(RUN), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        int checked = 0;
        int seen = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (++seen > MAX_SNIFFED_ENTRIES) {
                    return false;
                }
                if (!ID.matcher(name(child)).matches()) {
                    continue;
                }
                if (Files.isRegularFile(child.resolve(RUN))) {
                    return true;
                }
                if (++checked >= MAX_SNIFFED_IDS) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * The run folders of a source: the source itself when it holds {@code run.json}, else its sub-folders that
     * hold one (any name: Sacred accepts custom ids), numeric ids in numeric order first, then the others by name.
     */
    static List<Path> runFolders(Path source) throws IOException {
        if (Files.isRegularFile(source.resolve(RUN))) {
            return List.of(source);
        }
        List<Path> runs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(source)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && Files.exists(child.resolve(RUN), LinkOption.NOFOLLOW_LINKS)) {
                    runs.add(child);
                }
            }
        }
        runs.sort(Comparator.comparing((Path p) -> !ID.matcher(name(p)).matches())
                .thenComparing(p -> ID.matcher(name(p)).matches() ? Long.parseLong(name(p)) : 0L)
                .thenComparing(SacredLayout::name));
        return runs;
    }

    /**
     * The MD5 digest Sacred recorded for a stored file: the hex in {@code _sources/<name>_<md5>.<ext>} (or
     * {@code _resources/…}), or the entry itself when it is a bare digest (queued runs record {@code [file, md5]});
     * null when neither.
     */
    static String digest(String stored) {
        if (stored == null) {
            return null;
        }
        String s = stored.trim();
        if (MD5.matcher(s).matches()) {
            return s.toLowerCase(Locale.ROOT);
        }
        Matcher m = STORED.matcher(s);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** A Sacred time: naive ISO-8601 in UTC (an explicit offset is honoured); null when it is none. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    /**
     * A Sacred time in epoch milliseconds (sub-millisecond digits dropped), or {@code fallback} when it is none.
     * The common shape {@code YYYY-MM-DDTHH:MM:SS[.ffffff]} is read digit by digit, since {@code metrics.json}
     * holds one per point; anything else goes through {@link #time}.
     */
    static long epochMillis(String text, long fallback) {
        int n = text.length();
        if ((n == 19 || n > 20 && n <= 26 && text.charAt(19) == '.') && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int millis = 0;
            for (int i = 20, scale = 100; i < n && i < 23; i++, scale /= 10) {
                int d = text.charAt(i) - '0';
                millis = d < 0 || d > 9 ? -1 : millis < 0 ? -1 : millis + d * scale;
            }
            boolean tailDigits = n <= 23 || digits(text, 23, n) >= 0;
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0 && tailDigits) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
                } catch (DateTimeException e) {
                    return fallback;
                }
            }
        }
        Instant t = time(text);
        return t == null ? fallback : t.toEpochMilli();
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is no digit. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
