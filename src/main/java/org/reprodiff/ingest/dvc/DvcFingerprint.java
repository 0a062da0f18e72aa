package org.reprodiff.ingest.dvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.reprodiff.ingest.UnitFingerprint;
import org.reprodiff.model.ImportProblem;

/**
 * What a DVC project looks like without reading it, from the files its run is read from only: the files at the
 * project's top, those {@code dvc.yaml} names (params, metrics), the {@code .dvc} files of its dependency
 * folders and everything in its DVCLive folders, each with size and modification time. A project's data folders,
 * its {@code .dvc/} cache and {@code .git} are never walked, so a project holding a large dataset is checked for
 * change in the time a small one is. An export file's fingerprint is {@link UnitFingerprint}'s.
 */
final class DvcFingerprint {
    private DvcFingerprint() {
    }

    static String of(Path unit) throws IOException {
        if (!Files.isDirectory(unit, LinkOption.NOFOLLOW_LINKS)) {
            return UnitFingerprint.of(unit);
        }
        List<ImportProblem> ignored = new ArrayList<>();
        DvcDocuments.Loaded yaml = DvcDocuments.load(unit.resolve(DvcProjectReader.DVC_YAML), ignored);
        DvcPipeline pipeline = yaml.readable() ? DvcPipeline.parse(yaml.document()) : DvcPipeline.EMPTY;
        DvcLockFile lock = DvcLockFile.parse(DvcDocuments.load(unit.resolve(DvcProjectReader.DVC_LOCK), ignored).document(),
                "", ignored);
        List<String> lines = new ArrayList<>();
        for (String folder : DvcProjectReader.dvcFileFolders(unit, DvcProjectReader.depPaths(lock))) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.isEmpty() ? unit : unit.resolve(folder))) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (folder.isEmpty() || name.endsWith(".dvc")) {
                        line(unit, entry, lines);
                    }
                }
            }
        }
        for (String path : pipeline.params().keySet()) {
            line(unit, unit.resolve(path), lines);
        }
        for (String path : pipeline.metrics()) {
            line(unit, unit.resolve(path), lines);
        }
        for (Path live : DvcProjectReader.liveFolders(unit, pipeline)) {
            lines.add(unit.relativize(live) + "\t" + UnitFingerprint.of(live));
        }
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "dvc " + lines.size() + " " + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file's line: its path, size and modification time; a folder or an absent file gives its kind. */
    private static void line(Path unit, Path file, List<String> lines) throws IOException {
        String rel = unit.relativize(file).toString();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            lines.add(rel + "\tabsent");
            return;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        lines.add(rel + "\t" + (a.isDirectory() ? "dir" : a.size() + "\t" + a.lastModifiedTime().toMillis()));
    }
}
