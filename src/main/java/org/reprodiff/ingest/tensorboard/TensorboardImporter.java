package org.reprodiff.ingest.tensorboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads TensorBoard event files (FORMATS.md 3): scalars from {@code simple_value} and from scalar tensors, and
 * the hparams plugin's parameters and status. A source is a <em>run folder</em>, a folder that directly holds an
 * {@code events.out.tfevents.*} file other than a TF2 profiler's {@code .profile-empty} one (TF2 {@code .v2}
 * files included); the source is its only unit.
 *
 * <p>A run's identity: {@code source} is the folder's canonical absolute path and {@code native id} the folder's
 * name ({@code .} for a root), since TensorBoard records no id of its own. Reading a unit gives the folder's
 * run, with its {@code add_scalars} and lone {@code add_hparams} sub-folders attached to it (see
 * {@link RunFolderReader}), plus every other run folder found below it (the project scanner does not ask this
 * importer below a folder it claimed); each of those is a run with its own source and id.
 *
 * <p>Invariants: files are only read (opened read-only, streamed through one buffer, never loaded whole); every
 * damaged, cut-off or unreadable file is an {@link ImportProblem} naming the file and the byte, and everything
 * before (and, where checksums allow, after) the damage is kept; a file that ends inside a record marks its run
 * truncated. Interruption is checked between files and every few thousand records; a cancelled read returns no
 * runs and leaves the thread's interrupt flag set. Stateless between calls, so units may be read in parallel.
 */
public final class TensorboardImporter implements RunImporter {
    public static final String FORMAT = "tensorboard";

    @Override
    public String formatId() {
        return FORMAT;
    }

    /** True for a folder directly holding an event file that is not profile-empty; lists one folder, reads nothing. */
    @Override
    public boolean canRead(Path path) {
        return TensorboardLayout.holdsRun(path);
    }

    @Override
    public List<Path> units(Path source) {
        return List.of(source.toAbsolutePath().normalize());
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path root = unit.toAbsolutePath().normalize();
        List<TensorboardLayout.RunFolder> plan;
        try {
            plan = TensorboardLayout.plan(root);
        } catch (IOException | RuntimeException e) {
            return ImportResult.failed(new ImportProblem(root.toString(), "", "cannot list folder: " + e));
        }
        long files = TensorboardLayout.fileCount(plan);
        RunFolderReader folders = new RunFolderReader(new EventFolderReader(progress, files));
        List<Run> runs = new ArrayList<>();
        for (TensorboardLayout.RunFolder folder : plan) {
            if (!folders.read(folder, runs)) {
                return ImportResult.failed(new ImportProblem(root.toString(), "", "reading cancelled"));
            }
        }
        progress.update(files, files, root.toString());
        List<ImportProblem> problems = new ArrayList<>();
        for (Run run : runs) {
            problems.addAll(run.problems());
        }
        return new ImportResult(runs, problems);
    }
}
