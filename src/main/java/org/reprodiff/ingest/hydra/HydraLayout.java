package org.reprodiff.ingest.hydra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are in a Hydra output folder (FORMATS.md 7), from path names only. A run folder is one with
 * {@code .hydra/config.yaml}; a sweep member is a run folder whose parent holds {@code multirun.yaml} (written by
 * the basic sweeper) or whose {@code hydra.yaml} gives a job number.
 *
 * <p>Identity: a single run's native id is its folder name joined to its parent's
 * ({@code 2021-08-14/12-30-45}, the default {@code outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}} layout); a sweep
 * member's adds the sweep folder ({@code 2021-08-14/12-30-45/0}). The start time comes from those names when
 * they hold Hydra's default date and time patterns (or one {@code YYYY-MM-DD_HH-MM-SS} segment); Hydra writes
 * them in the local time of the machine that ran the job, which no file records, so they are read in a zone the
 * caller chooses (the importing machine's by default).
 */
final class HydraLayout {
    static final String META_DIR = ".hydra";
    static final String CONFIG = "config.yaml";
    static final String HYDRA = "hydra.yaml";
    static final String OVERRIDES = "overrides.yaml";
    static final String MULTIRUN = "multirun.yaml";

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[_T ](\\d{2})[-:](\\d{2})[-:](\\d{2})");

    private HydraLayout() {
    }

    /** A folder (not a link to one) holding {@code .hydra/config.yaml}. Never throws. */
    static boolean canRead(Path path, BasicFileAttributes attributes) {
        if (path == null || attributes != null && !attributes.isDirectory()) {
            return false;
        }
        try {
            return Files.isDirectory(path) && Files.isRegularFile(path.resolve(META_DIR).resolve(CONFIG));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean parentHoldsMultirunFile(Path dir) {
        Path parent = dir.getParent();
        return parent != null && Files.isRegularFile(parent.resolve(MULTIRUN));
    }

    /** {@code parent/name} for a single run, {@code grandparent/parent/name} for a sweep member. */
    static String nativeId(Path dir, boolean sweepMember) {
        return join(dir, sweepMember ? 3 : 2);
    }

    /** The sweep's own id ({@code 2021-08-14/12-30-45}) for a sweep member. */
    static String sweepId(Path dir) {
        Path parent = dir.getParent();
        return parent == null ? null : join(parent, 2);
    }

    /**
     * The start time read from the run's folder names (the sweep's for a sweep member) in {@code zone}, or null
     * when they follow no date-and-time pattern.
     */
    static Instant startTime(Path dir, boolean sweepMember, ZoneId zone) {
        Path timed = sweepMember ? dir.getParent() : dir;
        if (timed == null) {
            return null;
        }
        LocalDateTime local = fromTwoSegments(timed);
        if (local == null) {
            local = fromOneSegment(name(timed));
        }
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static LocalDateTime fromTwoSegments(Path timed) {
        Path dateDir = timed.getParent();
        if (dateDir == null) {
            return null;
        }
        Matcher d = DATE.matcher(name(dateDir));
        Matcher t = TIME.matcher(name(timed));
        if (!d.matches() || !t.matches()) {
            return null;
        }
        return local(d.group(1), d.group(2), d.group(3), t.group(1), t.group(2), t.group(3));
    }

    private static LocalDateTime fromOneSegment(String name) {
        Matcher m = DATE_TIME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        return local(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
    }

    private static LocalDateTime local(String y, String mo, String d, String h, String mi, String s) {
        try {
            return LocalDateTime.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d),
                    Integer.parseInt(h), Integer.parseInt(mi), Integer.parseInt(s));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String join(Path dir, int segments) {
        StringBuilder id = new StringBuilder(name(dir));
        Path p = dir.getParent();
        for (int i = 1; i < segments && p != null && p.getFileName() != null; i++, p = p.getParent()) {
            id.insert(0, name(p) + "/");
        }
        return id.toString();
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
