package org.reprodiff.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;

/**
 * Walks a project folder top-down and asks each importer to sniff every folder and file. A folder an importer
 * claims is a source of that importer; the walk goes on below it for the other importers (formats nest: an
 * MLflow run's artifacts can hold TensorBoard logs) but not for the one that claimed it, unless the importer
 * {@linkplain RunImporter#ownsSubtree() owns the subtree}: then no importer is asked about anything below, and
 * an owning importer's claim on a folder wins over the others'. Skips {@code .git},
 * {@code node_modules}, {@code __pycache__}, {@code site-packages} and virtualenvs (folders with
 * {@code pyvenv.cfg}); follows no symbolic link to a folder (W&B's {@code latest-run} link would import a run
 * twice). Reads only what the importers' sniffs read; never writes. Interruption cancels the walk.
 */
public final class ProjectScanner {
    private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", ".dvc", "node_modules", "__pycache__",
            "site-packages", ".ipynb_checkpoints", ".tox", ".mypy_cache", ".pytest_cache", ".idea", ".venv");

    private final ImporterCatalog catalog;

    public ProjectScanner(ImporterCatalog catalog) {
        this.catalog = catalog;
    }

    /** A source found by the scan: an importer and the folder or file it claimed. */
    public record Source(RunImporter importer, Path path) {
    }

    /** What a scan found, and the paths it could not look at. */
    public record ScanResult(List<Source> sources, List<ImportProblem> problems) {
    }

    public ScanResult scan(Path root, Progress progress) throws InterruptedException {
        List<Source> sources = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Path start = root.toAbsolutePath().normalize();
        if (!Files.exists(start)) {
            problems.add(new ImportProblem(start.toString(), "", "no such file or folder"));
            return new ScanResult(sources, problems);
        }
        Map<RunImporter, Path> claims = new HashMap<>();
        long[] seen = {0};
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (Thread.currentThread().isInterrupted()) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (!dir.equals(start) && skipped(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    progress.update(++seen[0], -1, dir.toString());
                    for (RunImporter importer : catalog.importers()) {
                        if (importer.ownsSubtree() && importer.canRead(dir, attrs)) {
                            sources.add(new Source(importer, dir));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    for (RunImporter importer : catalog.importers()) {
                        if (!claims.containsKey(importer) && importer.canRead(dir, attrs)) {
                            claims.put(importer, dir);
                            sources.add(new Source(importer, dir));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isDirectory() || attrs.isSymbolicLink() && Files.isDirectory(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    for (RunImporter importer : catalog.importers()) {
                        if (!claims.containsKey(importer) && importer.canRead(file, attrs)) {
                            sources.add(new Source(importer, file));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new ImportProblem(file.toString(), "", "cannot read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    claims.values().removeIf(dir::equals);
                    if (e != null) {
                        problems.add(new ImportProblem(dir.toString(), "", "cannot list folder: " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new ImportProblem(start.toString(), "", "cannot walk: " + describe(e)));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("scan of " + start + " cancelled");
        }
        return new ScanResult(sources, problems);
    }

    /** Whether the scan passes a folder by: tooling folders ({@code .git}, caches) and virtualenvs. */
    public static boolean skipped(Path dir) {
        Path name = dir.getFileName();
        return name != null && SKIPPED.contains(name.toString()) || Files.exists(dir.resolve("pyvenv.cfg"));
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
