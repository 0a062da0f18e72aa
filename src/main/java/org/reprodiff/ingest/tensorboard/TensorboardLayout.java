package org.reprodiff.ingest.tensorboard;

import org.reprodiff.ingest.ProjectScanner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the runs of a TensorBoard log folder are (FORMATS.md 3.1), found from listings alone. An <em>event
 * file</em> is a regular file whose name contains {@code tfevents}; one whose name ends in
 * {@code .profile-empty} (written by the TF2 profiler beside the real one) holds nothing but a file version. A
 * <em>run folder</em> directly holds at least one event file that is not profile-empty.
 *
 * <p>{@link #plan} lays out one claimed folder: the run folder itself; its <em>child</em> folders, immediate
 * sub-folders that hold event files and nothing else (PyTorch's {@code add_scalars} and {@code add_hparams}
 * writers make these; whether each belongs to the parent is decided from its content); and every other run
 * folder found below, as nested runs (the project scanner does not look below a folder this importer claimed).
 * Follows no link to a folder; skips the folders the scanner skips (VCS, caches, virtualenvs). Event files are
 * listed in file-name order.
 */
final class TensorboardLayout {

    private TensorboardLayout() {
    }

    /** A run folder, its event files (profile-empty ones included) and its child folders. */
    record RunFolder(Path dir, List<Path> eventFiles, List<Child> children) {
    }

    /** An immediate sub-folder holding only event files. */
    record Child(Path dir, List<Path> eventFiles) {
    }

    /** What one folder directly holds. */
    private record Listing(List<Path> eventFiles, List<Path> folders, boolean onlyEventFiles, boolean holdsRun) {
    }

    static boolean isEventFileName(String name) {
        return name.contains("tfevents");
    }

    static boolean isProfileEmpty(String name) {
        return name.endsWith(".profile-empty");
    }

    /** Whether {@code dir} is a folder directly holding an event file that is not profile-empty. Never throws. */
    static boolean holdsRun(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (isEventFileName(name) && !isProfileEmpty(name) && Files.isRegularFile(p)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The run folders at and below {@code root}, each with its children. */
    static List<RunFolder> plan(Path root) throws IOException {
        List<RunFolder> runs = new ArrayList<>();
        visit(root, runs);
        return runs;
    }

    /** The number of event files in a plan, for progress. */
    static long fileCount(List<RunFolder> plan) {
        long n = 0;
        for (RunFolder r : plan) {
            n += r.eventFiles().size();
            for (Child c : r.children()) {
                n += c.eventFiles().size();
            }
        }
        return n;
    }

    private static void visit(Path dir, List<RunFolder> runs) throws IOException {
        Listing listing = list(dir);
        List<Path> below = listing.folders();
        if (listing.holdsRun()) {
            List<Child> children = new ArrayList<>();
            below = new ArrayList<>();
            for (Path sub : listing.folders()) {
                Listing s = list(sub);
                if (s.onlyEventFiles() && s.holdsRun()) {
                    children.add(new Child(sub, s.eventFiles()));
                } else {
                    below.add(sub);
                }
            }
            runs.add(new RunFolder(dir, listing.eventFiles(), children));
        }
        for (Path sub : below) {
            visit(sub, runs);
        }
    }

    private static Listing list(Path dir) throws IOException {
        List<Path> events = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        boolean onlyEvents = true;
        boolean run = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    onlyEvents = false;
                    if (!ProjectScanner.skipped(p)) {
                        folders.add(p);
                    }
                } else if (isEventFileName(name) && Files.isRegularFile(p)) {
                    events.add(p);
                    run |= !isProfileEmpty(name);
                } else {
                    onlyEvents = false;
                }
            }
        }
        events.sort(null);
        folders.sort(null);
        return new Listing(events, folders, onlyEvents, run);
    }
}
