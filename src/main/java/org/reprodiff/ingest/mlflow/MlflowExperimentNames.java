package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprodiff.model.ImportProblem;

/**
 * The experiment name of a run, from the {@code meta.yaml} of the folder holding it. A store's runs share a few
 * experiments, so each experiment file is parsed once and remembered while its size and modification time stay
 * the same (one stat per run instead of one YAML parse). Thread-safe; bounded.
 */
final class MlflowExperimentNames {
    private static final int MAX_ENTRIES = 4096;

    /** What one experiment meta.yaml gave: a name, or the problem (without the run's experiment id yet). */
    private record Entry(FileTime modified, long size, String name, ImportProblem problem) {
    }

    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    /**
     * The name of the experiment in {@code experimentDir}; {@code experimentId} (with a problem) when its
     * meta.yaml cannot be read or has no name; {@code experimentId} alone when there is no meta.yaml at all (a
     * run folder copied out of its store).
     */
    String name(Path experimentDir, String experimentId, List<ImportProblem> problems) {
        if (experimentDir == null) {
            return experimentId;
        }
        Path file = experimentDir.resolve(MlflowFileStoreLayout.META);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return experimentId;
        } catch (IOException | RuntimeException e) {
            attrs = null;
        }
        Entry entry = attrs == null || !attrs.isRegularFile() ? null : cache.get(experimentDir);
        if (entry == null || !entry.modified().equals(attrs.lastModifiedTime()) || entry.size() != attrs.size()) {
            entry = read(file, attrs);
            if (attrs != null && attrs.isRegularFile()) {
                if (cache.size() >= MAX_ENTRIES) {
                    cache.clear();
                }
                cache.put(experimentDir, entry);
            }
        }
        if (entry.problem() != null) {
            ImportProblem p = entry.problem();
            problems.add(new ImportProblem(p.file(), p.where(), p.message() + "; experiment id " + experimentId
                    + " used instead"));
            return experimentId;
        }
        return entry.name();
    }

    private static Entry read(Path file, BasicFileAttributes attrs) {
        FileTime modified = attrs == null ? null : attrs.lastModifiedTime();
        long size = attrs == null ? -1 : attrs.size();
        MlflowMetaFile.Outcome meta = MlflowMetaFile.readMap(file);
        if (meta.problem() != null) {
            ImportProblem p = meta.problem();
            return new Entry(modified, size, null,
                    new ImportProblem(p.file(), p.where(), "experiment meta.yaml " + p.message()));
        }
        String name = MlflowTags.blankToNull(MlflowFileStoreImporter.text(meta.map(), "name"));
        if (name == null) {
            return new Entry(modified, size, null,
                    new ImportProblem(file.toString(), "field name", "experiment meta.yaml has no name"));
        }
        return new Entry(modified, size, name, null);
    }
}
