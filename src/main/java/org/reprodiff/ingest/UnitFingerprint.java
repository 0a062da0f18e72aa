package org.reprodiff.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a unit looks like without reading it: for a folder, the listing of every file below it with its size and
 * modification time; for a file, its size and modification time. Equal fingerprints mean the unit need not be
 * read again. Follows no links; a dangling link contributes its name only.
 */
public final class UnitFingerprint {
    private UnitFingerprint() {
    }

    public static String of(Path unit) throws IOException {
        BasicFileAttributes top = Files.readAttributes(unit, BasicFileAttributes.class);
        if (!top.isDirectory()) {
            return "file " + top.size() + " " + top.lastModifiedTime().toMillis();
        }
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(unit, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                lines.add(unit.relativize(file) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis()
                        + (a.isSymbolicLink() ? "\tlink" : ""));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                lines.add(unit.relativize(file) + "\tunreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        lines.sort(null);
        MessageDigest sha = sha256();
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return "dir " + lines.size() + " " + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
