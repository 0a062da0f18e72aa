package org.reprodiff.ingest.dvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads DVC's sources (FORMATS.md 4): a DVC project folder, one run for its workspace
 * ({@link DvcProjectReader}: params files, {@code dvc.lock} data and code digests, metrics files and the project's
 * DVCLive folders), and a {@code dvc exp show --json} export, one run per experiment ({@link DvcExpShowReader}).
 * Which is which is sniffed by {@link DvcLayout}. A source is its only unit.
 *
 * <p>The importer {@linkplain #ownsSubtree() owns} a project's subtree: its DVCLive {@code .tsv} files, metrics
 * and params files are parts of the project's run, not runs of the CSV or DVCLive importers, and the scan does not
 * descend into the project's data folders. A DVCLive folder outside any project is
 * {@link DvcLiveImporter}'s ({@code dvclive} format): it has no pipeline, no data or code digests, and its users
 * know it as DVCLive. Never writes; stateless and thread-safe.
 */
public final class DvcImporter implements RunImporter {
    public static final String FORMAT = "dvc";

    private final ZoneId zone;

    /** Reads {@code exp show} timestamps in the importing machine's time zone. */
    public DvcImporter() {
        this(ZoneId.systemDefault());
    }

    /** Reads {@code exp show} timestamps (local times of the machine that ran it) in {@code zone}. */
    public DvcImporter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return canRead(path, null);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        if (attributes != null && attributes.isDirectory() || attributes == null && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return DvcLayout.isProject(path, attributes);
        }
        return DvcLayout.isExpShowExport(path, attributes);
    }

    @Override
    public boolean ownsSubtree() {
        return true;
    }

    /**
     * What the unit looks like without reading it ({@link DvcFingerprint}): for a project, only the files its run
     * is read from, so its data folders are never walked.
     */
    @Override
    public String fingerprint(Path unit) throws IOException {
        return DvcFingerprint.of(unit);
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path path = unit.toAbsolutePath().normalize();
        List<ImportProblem> problems = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            runs.add(DvcProjectReader.read(path, DvcLayout.canonical(path), problems));
        } else {
            DvcDocuments.Loaded export = DvcDocuments.load(path, problems);
            if (!export.present()) {
                problems.add(new ImportProblem(path.toString(), "", "vanished before it could be read"));
            } else if (export.readable()) {
                runs.addAll(DvcExpShowReader.read(export.document(), DvcLayout.canonical(path), zone, problems));
            }
        }
        progress.update(1, 1, path.toString());
        return new ImportResult(runs, problems);
    }
}
