package org.reprodiff.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every path under a folder with its kind, size, modification time and SHA-256: two equal snapshots mean
 * nothing was created, changed or deleted (a new {@code -journal} or {@code -shm} file counts).
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : "file";
                String hash = a.isRegularFile() ? sha256(p) : "";
                entries.put(root.relativize(p).toString(), kind + " " + a.size() + " " + a.lastModifiedTime().toMillis() + " " + hash);
            }
        }
        return entries;
    }

    /** Every regular file under a folder with its SHA-256 only: equal when two trees hold the same bytes. */
    public static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), sha256(p));
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
