package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises W&B run folders and logs without reading them (FORMATS.md 2.1, 14): a folder named
 * {@code run-YYYYMMDD_HHMMSS-<id>} or {@code offline-run-…} holding a {@code run-*.wandb} log or a
 * {@code files/} folder; a folder named {@code run-…}/{@code offline-run-…} holding a {@code run-*.wandb} file
 * that starts with {@code :W&B}; any folder whose {@code files/} holds {@code wandb-metadata.json},
 * {@code wandb-summary.json}, {@code wandb-history.jsonl} or a {@code config.yaml} mentioning {@code _wandb};
 * and a bare {@code .wandb} file
 * starting with {@code :W&B}. Sniffs read at most a few bytes; links to folders are never followed.
 */
final class WandbLayout {
    static final Pattern RUN_FOLDER = Pattern.compile("(offline-)?run-(\\d{8})_(\\d{6})-([A-Za-z0-9_-]+)");
    static final Pattern LOG_FILE = Pattern.compile("run-(.+)\\.wandb");
    static final String FILES = "files";

    private WandbLayout() {
    }

    static boolean canRead(Path path) {
        try {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return path.getFileName().toString().endsWith(".wandb") && WandbLogReader.hasHeader(path);
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || path.getFileName() == null) {
                return false;
            }
            String name = path.getFileName().toString();
            if (RUN_FOLDER.matcher(name).matches()) {
                return !logFiles(path).isEmpty() || Files.isDirectory(path.resolve(FILES), LinkOption.NOFOLLOW_LINKS);
            }
            if ((name.startsWith("run-") || name.startsWith("offline-run-"))
                    && logFiles(path).stream().anyMatch(WandbLogReader::hasHeader)) {
                return true;
            }
            return hasWandbFiles(path.resolve(FILES));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasWandbFiles(Path files) {
        if (!Files.isDirectory(files, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (String marker : new String[] {WandbFiles.METADATA, WandbFiles.SUMMARY, WandbLegacyHistory.HISTORY}) {
            if (Files.isRegularFile(files.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        Path config = files.resolve(WandbFiles.CONFIG);
        if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(config)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return head.contains("_wandb:") || head.startsWith("wandb_version:");
        } catch (IOException e) {
            return false;
        }
    }

    /** The regular {@code run-*.wandb} files of a folder, sorted by name. */
    static List<Path> logFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "run-*.wandb")) {
            for (Path p : stream) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The run id in a run folder's name, or null. */
    static String idFromFolder(String name) {
        Matcher m = RUN_FOLDER.matcher(name);
        return m.matches() ? m.group(4) : null;
    }

    /** The run id in a log's name ({@code run-<id>.wandb}), or null. */
    static String idFromLog(String name) {
        Matcher m = LOG_FILE.matcher(name);
        return m.matches() ? m.group(1) : null;
    }
}
