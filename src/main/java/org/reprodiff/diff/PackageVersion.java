package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A version as PEP 440 defines it: an optional epoch ({@code 1!}), release segments ({@code 1.2.3}), an optional
 * pre-release ({@code a}, {@code b}, {@code rc}, also spelled {@code alpha}, {@code beta}, {@code c}, {@code pre},
 * {@code preview}), post-release ({@code .post1}, {@code -1}), dev-release ({@code .dev0}) and local label
 * ({@code +cu118}). Parsing accepts the spec's permitted spellings (a leading {@code v}, any case, {@code -_.}
 * separators, implicit numbers) and keeps the normalised form.
 *
 * <p>Invariants: ordering and equality follow the spec's normalised comparison, so {@code 1.0} equals
 * {@code 1.0.0}, {@code 1.0.dev0 < 1.0a1 < 1.0b2 < 1.0rc1 < 1.0 < 1.0.post1}, an epoch outranks every release, and
 * a local version sorts after the same public version (numeric local segments after alphanumeric ones).
 * {@link #toString()} is the normalised form; {@link #text()} is the text as given. Numbers must fit a
 * {@code long}; a version with a longer number does not parse.
 */
public final class PackageVersion implements Comparable<PackageVersion> {

    /** How a change from one version to another is classified, with its evidence ({@code note}, may be empty). */
    public record VersionChange(Change change, String note) {
        public VersionChange {
            note = note == null ? "" : note;
        }
    }

    private static final String[] PRE_LABELS = {"a", "b", "rc"};
    private static final int NONE = -1;

    private final String text;
    private final long epoch;
    private final long[] release;
    /** Index into {@link #PRE_LABELS}, or {@link #NONE}. */
    private final int preLabel;
    private final long preNumber;
    /** {@link #NONE} when absent. */
    private final long post;
    /** {@link #NONE} when absent. */
    private final long dev;
    /** Normalised local label ({@code .}-separated, lower case, numbers without leading zeros), or null. */
    private final String local;
    private final String[] localSegments;

    private PackageVersion(String text, long epoch, long[] release, int preLabel, long preNumber, long post, long dev,
                           String local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.preLabel = preLabel;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.localSegments = local == null ? null : canonicalSegments(local);
        this.local = local == null ? null : String.join(".", localSegments);
    }

    /** The local label's segments, numeric ones without leading zeros ({@code ubuntu.01} reads as {@code ubuntu.1}). */
    private static String[] canonicalSegments(String local) {
        String[] segments = local.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            if (isDigits(segments[i])) {
                segments[i] = stripLeadingZeros(segments[i]);
            }
        }
        return segments;
    }

    /**
     * The version in {@code text}, or empty when it is not a PEP 440 version (or a number is too long). Follows
     * the grammar of PEP 440 Appendix B, case-insensitively, after trimming:
     * <pre>
     * v? (N!)? N(.N)* ([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?N?)?
     *    (-N | [-_.]?(post|rev|r)[-_.]?N?)? ([-_.]?dev[-_.]?N?)? (+[a-z0-9]+([-_.][a-z0-9]+)*)?
     * </pre>
     * Hand-written rather than a regular expression: a package diff parses thousands of versions.
     */
    public static Optional<PackageVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        return new Scanner(trimmed.toLowerCase(Locale.ROOT)).version(trimmed);
    }

    /**
     * How a change from version text {@code from} to {@code to} is classified; empty when the two are the same
     * version (equal text, or equal under PEP 440 such as {@code 1.0} and {@code 1.0.0}). Text that is not a
     * PEP 440 version makes the change {@link Change#CHANGED}.
     */
    public static Optional<VersionChange> classify(String from, String to) {
        if (from.strip().equals(to.strip())) {
            return Optional.empty();
        }
        Optional<PackageVersion> x = parse(from);
        Optional<PackageVersion> y = parse(to);
        if (x.isEmpty() || y.isEmpty()) {
            String bad = x.isEmpty() ? from.strip() : to.strip();
            return Optional.of(new VersionChange(Change.CHANGED, "not a PEP 440 version: " + bad));
        }
        return x.get().changeTo(y.get());
    }

    /**
     * How a change from this version to {@code to} is classified; empty when they are equal. The first differing
     * part decides: the epoch (major), then the first differing release segment (1st major, 2nd minor, 3rd or
     * later patch; downgrades when it goes down), then pre/post/dev (pre-release), then the local label (local
     * build). When the local label changes along with an earlier part, the note says so.
     */
    public Optional<VersionChange> changeTo(PackageVersion to) {
        int order = compareTo(to);
        if (order == 0) {
            return Optional.empty();
        }
        boolean up = order < 0;
        boolean localChanged = compareLocal(localSegments, to.localSegments) != 0;
        Change change;
        List<String> notes = new ArrayList<>(2);
        int segment = firstDifferingSegment(release, to.release);
        if (epoch != to.epoch) {
            change = up ? Change.MAJOR : Change.DOWNGRADE_MAJOR;
            notes.add("epoch " + epoch + " → " + to.epoch);
        } else if (segment >= 0) {
            change = switch (segment) {
                case 0 -> up ? Change.MAJOR : Change.DOWNGRADE_MAJOR;
                case 1 -> up ? Change.MINOR : Change.DOWNGRADE_MINOR;
                default -> up ? Change.PATCH : Change.DOWNGRADE_PATCH;
            };
        } else if (comparePublicSuffix(to) != 0) {
            change = Change.PRE_RELEASE;
            if (!up) {
                notes.add("downgrade");
            }
        } else {
            return Optional.of(new VersionChange(Change.LOCAL_BUILD, describeLocalChange(local, to.local)));
        }
        if (localChanged) {
            notes.add("also " + describeLocalChange(local, to.local));
        }
        return Optional.of(new VersionChange(change, String.join("; ", notes)));
    }

    /**
     * Says what a change of local label means: {@code CUDA build cu118 → cu121} when either label names a CUDA
     * build, else {@code local build a → b}; an absent label reads {@code none}.
     */
    static String describeLocalChange(String from, String to) {
        String kind = isCudaLabel(from) || isCudaLabel(to) ? "CUDA build " : "local build ";
        return kind + (from == null ? "none" : from) + " → " + (to == null ? "none" : to);
    }

    /** Whether a segment of the label reads {@code cu} + digits or {@code cuda} + optional digits. */
    private static boolean isCudaLabel(String label) {
        if (label == null) {
            return false;
        }
        int start = 0;
        while (start <= label.length()) {
            int end = label.indexOf('.', start);
            end = end < 0 ? label.length() : end;
            if (label.startsWith("cu", start)) {
                int digits = label.startsWith("cuda", start) ? start + 4 : start + 2;
                boolean allDigits = digits < end || label.startsWith("cuda", start);
                for (int i = digits; i < end && allDigits; i++) {
                    allDigits = label.charAt(i) >= '0' && label.charAt(i) <= '9';
                }
                if (allDigits) {
                    return true;
                }
            }
            start = end + 1;
        }
        return false;
    }

    @Override
    public int compareTo(PackageVersion o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = comparePublicSuffix(o);
        if (c != 0) {
            return c;
        }
        return compareLocal(localSegments, o.localSegments);
    }

    /** Compares pre, post and dev parts (the release being equal). */
    private int comparePublicSuffix(PackageVersion o) {
        int c = Integer.compare(preRank(), o.preRank());
        if (c == 0 && preLabel != NONE) {
            c = Integer.compare(preLabel, o.preLabel);
            if (c == 0) {
                c = Long.compare(preNumber, o.preNumber);
            }
        }
        if (c != 0) {
            return c;
        }
        c = Long.compare(post, o.post); // absent (-1) sorts before any post number
        if (c != 0) {
            return c;
        }
        // An absent dev part sorts after any dev number.
        return Long.compare(dev == NONE ? Long.MAX_VALUE : dev, o.dev == NONE ? Long.MAX_VALUE : o.dev);
    }

    /** -1 for a bare dev release (before every pre-release), 0 for a pre-release, 1 for none (final). */
    private int preRank() {
        if (preLabel != NONE) {
            return 0;
        }
        return post == NONE && dev != NONE ? -1 : 1;
    }

    private static int compareRelease(long[] a, long[] b) {
        int i = firstDifferingSegment(a, b);
        return i < 0 ? 0 : Long.compare(segment(a, i), segment(b, i));
    }

    /** The index of the first release segment that differs, missing segments read as 0; -1 when none does. */
    private static int firstDifferingSegment(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (segment(a, i) != segment(b, i)) {
                return i;
            }
        }
        return -1;
    }

    private static long segment(long[] release, int i) {
        return i < release.length ? release[i] : 0;
    }

    private static int compareLocal(String[] a, String[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareLocalSegment(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    // Numeric segments compare as numbers and sort after alphanumeric ones, which compare as text.
    private static int compareLocalSegment(String a, String b) {
        boolean na = isDigits(a);
        boolean nb = isDigits(b);
        if (na && nb) {
            String ta = stripLeadingZeros(a);
            String tb = stripLeadingZeros(b);
            return ta.length() != tb.length() ? Integer.compare(ta.length(), tb.length()) : ta.compareTo(tb);
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static int preLabelIndex(String label) {
        return switch (label) {
            case "a", "alpha" -> 0;
            case "b", "beta" -> 1;
            default -> 2; // rc, c, pre, preview
        };
    }

    /** The text this version was parsed from, trimmed. */
    public String text() {
        return text;
    }

    public long epoch() {
        return epoch;
    }

    /** The release segments as written ({@code 1.0} has two, {@code 1.0.0} three). */
    public List<Long> release() {
        List<Long> segments = new ArrayList<>(release.length);
        for (long s : release) {
            segments.add(s);
        }
        return segments;
    }

    public boolean isPreRelease() {
        return preLabel != NONE || dev != NONE;
    }

    public boolean isPostRelease() {
        return post != NONE;
    }

    /** The normalised local label ({@code cu118}, {@code ubuntu.1}), if any. */
    public Optional<String> local() {
        return Optional.ofNullable(local);
    }

    /** This version without its local label, normalised. */
    public String publicVersion() {
        StringBuilder sb = new StringBuilder();
        if (epoch != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            sb.append(i == 0 ? "" : ".").append(release[i]);
        }
        if (preLabel != NONE) {
            sb.append(PRE_LABELS[preLabel]).append(preNumber);
        }
        if (post != NONE) {
            sb.append(".post").append(post);
        }
        if (dev != NONE) {
            sb.append(".dev").append(dev);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = release.length;
        while (end > 0 && release[end - 1] == 0) {
            end--;
        }
        int h = Long.hashCode(epoch);
        h = 31 * h + Arrays.hashCode(Arrays.copyOf(release, end));
        h = 31 * h + preLabel;
        h = 31 * h + Long.hashCode(preNumber);
        h = 31 * h + Long.hashCode(post);
        h = 31 * h + Long.hashCode(dev);
        return 31 * h + Arrays.hashCode(localSegments);
    }

    /** The normalised form, e.g. {@code 1!2.0rc1.post0.dev3+cu118}. */
    @Override
    public String toString() {
        return local == null ? publicVersion() : publicVersion() + "+" + local;
    }

    /** Reads one version from lower-case text; every method leaves {@code pos} unchanged when it does not match. */
    private static final class Scanner {
        private static final String[] PRE_SPELLINGS = {"preview", "alpha", "beta", "pre", "rc", "a", "b", "c"};
        private static final String[] POST_SPELLINGS = {"post", "rev", "r"};
        private static final long TOO_LONG = -2;

        private final String s;
        private int pos;

        Scanner(String s) {
            this.s = s;
        }

        Optional<PackageVersion> version(String original) {
            if (at('v')) {
                pos++;
            }
            long first = number();
            if (first < 0) {
                return Optional.empty();
            }
            long epoch = 0;
            if (at('!')) {
                pos++;
                epoch = first;
                first = number();
                if (first < 0) {
                    return Optional.empty();
                }
            }
            long[] release = new long[4];
            int segments = 0;
            release[segments++] = first;
            while (at('.') && digitAt(pos + 1)) {
                pos++;
                long n = number();
                if (n < 0) {
                    return Optional.empty();
                }
                if (segments == release.length) {
                    release = Arrays.copyOf(release, segments * 2);
                }
                release[segments++] = n;
            }
            int preLabel = NONE;
            long preNumber = 0;
            int mark = pos;
            skipSeparator();
            String pre = label(PRE_SPELLINGS);
            if (pre != null) {
                preLabel = preLabelIndex(pre);
                preNumber = optionalNumber();
            } else {
                pos = mark;
            }
            long post = NONE;
            if (at('-') && digitAt(pos + 1)) {
                pos++;
                post = number();
            } else {
                mark = pos;
                skipSeparator();
                if (label(POST_SPELLINGS) != null) {
                    post = optionalNumber();
                } else {
                    pos = mark;
                }
            }
            long dev = NONE;
            mark = pos;
            skipSeparator();
            if (s.startsWith("dev", pos)) {
                pos += 3;
                dev = optionalNumber();
            } else {
                pos = mark;
            }
            String local = null;
            if (at('+')) {
                pos++;
                local = local();
                if (local == null) {
                    return Optional.empty();
                }
            }
            if (preNumber == TOO_LONG || post == TOO_LONG || dev == TOO_LONG || pos != s.length()) {
                return Optional.empty();
            }
            return Optional.of(new PackageVersion(original, epoch, Arrays.copyOf(release, segments), preLabel,
                    preNumber, post, dev, local));
        }

        /** {@code [-_.]?N?} after a label: the number, 0 when absent, {@link #TOO_LONG} when it overflows. */
        private long optionalNumber() {
            skipSeparator();
            return digitAt(pos) ? number() : 0;
        }

        /** {@code [a-z0-9]+([-_.][a-z0-9]+)*}, separators normalised to dots; null when malformed. */
        private String local() {
            int start = pos;
            StringBuilder sb = new StringBuilder(s.length() - start);
            boolean needAlnum = true;
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                    sb.append(ch);
                    needAlnum = false;
                } else if (isSeparator(ch) && !needAlnum) {
                    sb.append('.');
                    needAlnum = true;
                } else {
                    return null;
                }
                pos++;
            }
            return needAlnum ? null : sb.toString();
        }

        private String label(String[] spellings) {
            for (String spelling : spellings) {
                if (s.startsWith(spelling, pos)) {
                    pos += spelling.length();
                    return spelling;
                }
            }
            return null;
        }

        /** Digits as a number; -1 when there are none, {@link #TOO_LONG} when it does not fit a long. */
        private long number() {
            if (!digitAt(pos)) {
                return -1;
            }
            long n = 0;
            boolean overflow = false;
            while (digitAt(pos)) {
                int d = s.charAt(pos++) - '0';
                if (n > (Long.MAX_VALUE - d) / 10) {
                    overflow = true;
                } else {
                    n = n * 10 + d;
                }
            }
            return overflow ? TOO_LONG : n;
        }

        private void skipSeparator() {
            if (pos < s.length() && isSeparator(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean at(char ch) {
            return pos < s.length() && s.charAt(pos) == ch;
        }

        private boolean digitAt(int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        private static boolean isSeparator(char ch) {
            return ch == '-' || ch == '_' || ch == '.';
        }
    }
}
