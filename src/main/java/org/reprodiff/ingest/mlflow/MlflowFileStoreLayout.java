package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where things are in an MLflow file store (FORMATS.md 1.1): tells a store root, an experiment folder and a run
 * folder apart, and lists a source's run folders. Sniffing reads only the first few kilobytes of a
 * {@code meta.yaml} and looks at its top-level keys; it never parses YAML and never throws.
 */
final class MlflowFileStoreLayout {
    static final String META = "meta.yaml";
    static final String TRASH = ".trash";
    /** Root folders that are not experiments: the model registry and the trash (read apart). */
    static final Set<String> RESERVED_AT_ROOT = Set.of("models", TRASH);
    /** Experiment folders that are not runs ({@code RESERVED_EXPERIMENT_FOLDERS}). */
    static final Set<String> RESERVED_IN_EXPERIMENT = Set.of("tags", "datasets", "traces", "models");

    private static final int SNIFF_BYTES = 16 * 1024;
    private static final int MAX_SNIFFS_FOR_ROOT = 3;

    /** What a folder's own {@code meta.yaml} says it is. */
    enum Kind { NONE, EXPERIMENT, RUN, OTHER }

    private MlflowFileStoreLayout() {
    }

    /** A cheap look at {@code dir/meta.yaml}: NONE when there is no readable regular file. */
    static Kind sniff(Path dir) {
        Path meta = dir.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Kind.NONE;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(meta)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException | RuntimeException e) {
            return Kind.NONE;
        }
        boolean runUuid = false;
        boolean runId = false;
        boolean model = false;
        boolean lifecycle = false;
        boolean named = false;
        for (String line : new String(head, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("run_uuid:")) {
                runUuid = true;
            } else if (line.startsWith("run_id:")) {
                runId = true;
            } else if (line.startsWith("model_id:")) {
                model = true;
            } else if (line.startsWith("lifecycle_stage:")) {
                lifecycle = true;
            } else if (line.startsWith("name:") || line.startsWith("experiment_id:")) {
                named = true;
            }
        }
        // A registry model version's meta.yaml names a run_id too, but has no lifecycle_stage.
        if (runUuid || (runId && lifecycle)) {
            return Kind.RUN;
        }
        return lifecycle && named && !model && !runId ? Kind.EXPERIMENT : Kind.OTHER;
    }

    /** See {@link MlflowFileStoreImporter#canRead}. */
    static boolean canRead(Path path) {
        try {
            if (path == null || !Files.isDirectory(path)) {
                return false;
            }
            Path dir = path.toAbsolutePath().normalize();
            return switch (sniff(dir)) {
                case RUN -> dir.getParent() == null || sniff(dir.getParent()) != Kind.EXPERIMENT;
                case EXPERIMENT -> !parentIsStoreRoot(dir);
                case OTHER -> false;
                case NONE -> !hasMetaEntry(dir) && isStoreRoot(dir, null);
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether an experiment folder sits in a store that should be read whole: its parent has a {@code .trash}
     * folder or holds another experiment. (Every parent of an experiment folder holds that experiment, so the
     * folder itself does not count.)
     */
    private static boolean parentIsStoreRoot(Path experimentDir) throws IOException {
        Path parent = experimentDir.getParent();
        if (parent == null || hasMetaEntry(parent)) {
            return false;
        }
        if (TRASH.equals(String.valueOf(parent.getFileName())) || Files.isDirectory(parent.resolve(TRASH))) {
            return true;
        }
        return isStoreRoot(parent, experimentDir.getFileName().toString());
    }

    /** A folder with a child folder (other than {@code except}) whose meta.yaml is an experiment's. */
    private static boolean isStoreRoot(Path dir, String except) throws IOException {
        Path defaultExperiment = dir.resolve("0");
        int sniffs = 0;
        if (!"0".equals(except) && Files.isDirectory(defaultExperiment)) {
            Kind kind = sniff(defaultExperiment);
            if (kind == Kind.EXPERIMENT) {
                return true;
            }
            sniffs += kind == Kind.NONE ? 0 : 1;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                // One stat per entry: a plain file's "meta.yaml" child simply does not exist.
                if (name.equals("0") || name.equals(except) || RESERVED_AT_ROOT.contains(name)
                        || !Files.isRegularFile(child.resolve(META))) {
                    continue;
                }
                if (sniff(child) == Kind.EXPERIMENT) {
                    return true;
                }
                if (++sniffs >= MAX_SNIFFS_FOR_ROOT) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The run folders of a source, sorted: the source itself, an experiment's runs, or a store's runs. */
    static List<Path> units(Path source) throws IOException {
        List<Path> units = new ArrayList<>();
        switch (sniff(source)) {
            case RUN -> units.add(source);
            case EXPERIMENT -> addRuns(source, units);
            default -> {
                for (Path child : sortedDirectories(source)) {
                    String name = child.getFileName().toString();
                    if (name.equals(TRASH)) {
                        for (Path trashed : sortedDirectories(child)) {
                            addExperimentOrRun(trashed, units);
                        }
                    } else if (!RESERVED_AT_ROOT.contains(name)) {
                        addExperimentOrRun(child, units);
                    }
                }
            }
        }
        units.sort(null);
        return units;
    }

    private static void addExperimentOrRun(Path dir, List<Path> units) throws IOException {
        if (!hasMetaEntry(dir)) {
            return;
        }
        if (sniff(dir) == Kind.RUN) {
            units.add(dir);
        } else {
            addRuns(dir, units);
        }
    }

    /** Every non-reserved sub-folder with a meta.yaml entry of any kind: a broken one is read as a problem. */
    private static void addRuns(Path experimentDir, List<Path> units) throws IOException {
        for (Path child : sortedDirectories(experimentDir)) {
            if (!RESERVED_IN_EXPERIMENT.contains(child.getFileName().toString()) && hasMetaEntry(child)) {
                units.add(child);
            }
        }
    }

    /** True for a file, a folder or a link (even dangling) named meta.yaml. */
    static boolean hasMetaEntry(Path dir) {
        return Files.exists(dir.resolve(META), LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> sortedDirectories(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            children.forEach(dirs::add);
        }
        dirs.sort(null);
        return dirs;
    }
}
