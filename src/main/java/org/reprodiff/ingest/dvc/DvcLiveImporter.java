package org.reprodiff.ingest.dvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads a DVCLive output folder that belongs to no DVC project (DVCLive used from a plain script or a framework
 * callback) as one run of its own ({@link DvcLiveFolder}): series from its metric files, final values from its
 * summary, parameters from its {@code params.yaml} (keys bare: it is the run's own params file). A DVCLive folder
 * inside a DVC project never reaches this importer: {@link DvcImporter} owns the project's subtree and reads the
 * folder into the project's run.
 *
 * <p>Its own format id, {@value #FORMAT}, because such a run has none of what makes a DVC run (no pipeline,
 * no {@code dvc.lock} data or code digests) and is not one of {@code dvc exp show}'s rows: the runs list says what
 * logged it. Identity: source the folder, native id its name, name its name, or {@code <parent>/dvclive} for
 * DVCLive's default folder name, which says nothing by itself. Start and end time are the first and last logged
 * timestamps, when DVCLive logged them. The importer owns the folder's subtree, so its {@code .tsv} files are never
 * taken for CSV logs. Never writes; stateless and thread-safe.
 */
public final class DvcLiveImporter implements RunImporter {
    public static final String FORMAT = "dvclive";

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return DvcLayout.isLoneLiveFolder(path, null);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        return DvcLayout.isLoneLiveFolder(path, attributes);
    }

    @Override
    public boolean ownsSubtree() {
        return true;
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path dir = unit.toAbsolutePath().normalize();
        List<ImportProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ImportResult.failed(new ImportProblem(dir.toString(), "", "missing: not a DVCLive folder (any more)"));
        }
        String name = String.valueOf(dir.getFileName());
        Run.Builder run = Run.builder(FORMAT, DvcLayout.canonical(dir), name);
        Path parent = dir.getParent();
        run.name(name.equals(DvcProjectReader.DEFAULT_LIVE_DIR) && parent != null && parent.getFileName() != null
                ? parent.getFileName() + "/" + name : name);
        boolean hasParams = Files.isRegularFile(dir.resolve(DvcLiveFolder.PARAMS));
        DvcLiveFolder.Read read = DvcLiveFolder.read(dir, DvcValues.DEFAULT_PARAMS, run, new HashSet<>(), problems);
        if (hasParams) {
            run.captured(Facet.PARAMS);
        }
        run.truncated(read.truncated());
        long[] times = DvcLiveFolder.wallTimeRange(run.build().metrics());
        if (times != null) {
            run.startTime(Instant.ofEpochMilli(times[0])).endTime(Instant.ofEpochMilli(times[1]));
        }
        problems.forEach(run::problem);
        progress.update(1, 1, dir.toString());
        return new ImportResult(List.of(run.build()), problems);
    }
}
