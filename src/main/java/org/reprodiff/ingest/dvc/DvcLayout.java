package org.reprodiff.ingest.dvc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cheap sniffs that tell DVC's sources apart (FORMATS.md 14), from names and at most
 * {@value #SNIFF_BYTES} bytes:
 * <ul>
 *   <li>a DVC project: a folder holding {@code dvc.yaml} or {@code dvc.lock}, unless it is itself a DVCLive
 *       folder without a {@code dvc.lock} (DVCLive 2.x writes its own {@code dvc.yaml} into its folder; such a
 *       folder is a DVCLive run, not a pipeline);</li>
 *   <li>a {@code dvc exp show --json} export: a {@code .json} file that opens as a list whose first object starts
 *       with {@code "rev"} (DVC 2.55 and later), or as an object keyed by {@code workspace} or a commit whose first
 *       entry is {@code baseline} or a commit holding {@code data} or {@code error} (DVC 2.54 and earlier);</li>
 *   <li>a lone DVCLive folder: {@link DvcLiveFolder#is}, and not a DVC project.</li>
 * </ul>
 * Invariant: never throws; anything unreadable is not a source.
 */
final class DvcLayout {
    static final int SNIFF_BYTES = 4096;
    private static final Pattern LIST_SHAPE = Pattern.compile("\\A\\s*\\[\\s*\\{\\s*\"rev\"\\s*:");
    private static final Pattern OBJECT_SHAPE = Pattern.compile("\\A\\s*\\{\\s*\"(workspace|[0-9a-f]{40})\"\\s*:\\s*\\{\\s*"
            + "\"(baseline|[0-9a-f]{40})\"\\s*:\\s*\\{\\s*\"(data|error)\"\\s*:");

    private DvcLayout() {
    }

    static boolean isProject(Path dir, BasicFileAttributes attributes) {
        try {
            if (dir == null || attributes != null && !attributes.isDirectory()
                    || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            boolean lock = Files.isRegularFile(dir.resolve(DvcProjectReader.DVC_LOCK));
            boolean yaml = Files.isRegularFile(dir.resolve(DvcProjectReader.DVC_YAML));
            return lock || yaml && !DvcLiveFolder.is(dir);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isExpShowExport(Path file, BasicFileAttributes attributes) {
        try {
            if (file == null || file.getFileName() == null
                    || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return false;
            }
            if (attributes != null ? !attributes.isRegularFile() : !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
            String text = new String(head, StandardCharsets.UTF_8);
            return LIST_SHAPE.matcher(text).find() || OBJECT_SHAPE.matcher(text).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A DVCLive folder that is not itself a DVC project, so the two sniffs never claim the same folder. */
    static boolean isLoneLiveFolder(Path dir, BasicFileAttributes attributes) {
        return dir != null && (attributes == null || attributes.isDirectory()) && DvcLiveFolder.is(dir)
                && !isProject(dir, attributes);
    }

    /** The real path of a source, or its normalised absolute path when that cannot be had. */
    static String canonical(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }
}
