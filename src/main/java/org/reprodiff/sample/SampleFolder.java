package org.reprodiff.sample;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The one guarded way the generators replace what they wrote: a folder may be cleared only inside an output
 * folder named {@code sample-runs}, or one that is empty or does not exist, so user data can never be wiped.
 */
public final class SampleFolder {
    private SampleFolder() {
    }

    /**
     * Checks that {@code out} may be written into, deletes {@code out/sub} and returns it. Throws
     * {@link IllegalArgumentException} when {@code out} is a file, or a non-empty folder not named sample-runs.
     */
    static Path clear(Path out, String sub) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(out + " exists and is not a folder");
            }
            Path name = out.toAbsolutePath().normalize().getFileName();
            if ((name == null || !name.toString().equals("sample-runs")) && !isEmpty(out)) {
                throw new IllegalArgumentException("refusing to write into " + out + ": it is neither named sample-runs nor empty");
            }
        }
        Path target = out.resolve(sub);
        deleteTree(target);
        return target;
    }

    static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    /** Deletes a tree without following links (a link is removed, never what it points to); absent is fine. */
    public static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
