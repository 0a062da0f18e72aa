package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads Weights & Biases runs (FORMATS.md section 2): a run folder ({@code wandb/run-<date>_<time>-<id>/},
 * {@code wandb/offline-run-…/}) with its binary {@code run-<id>.wandb} transaction log and its {@code files/}
 * folder, or a bare {@code .wandb} log given on its own (then only the log is read). A source is one run; its
 * only unit is itself; the run's native id is the W&B run id (from the run record, else the folder or file
 * name).
 *
 * <p>The log is streamed ({@link WandbLogReader}), each record decoded with protobuf-java's wire reader
 * ({@link WandbRecordDecoder}), and the result merged with {@code files/} ({@link WandbRunAssembler} documents
 * which source wins where they disagree). Bad or missing pieces become problems naming the file and the byte or
 * line; a log cut short gives a run marked truncated. Interruption is checked between records: a cancelled read
 * returns no run and leaves the thread's interrupt flag set. Reads only; stateless and thread-safe.
 */
public final class WandbImporter implements RunImporter {
    public static final String FORMAT = "wandb";

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return WandbLayout.canRead(path);
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path path = unit.toAbsolutePath().normalize();
        WandbProblems problems = new WandbProblems();
        boolean bare = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
        Path log = bare ? path : chooseLog(path, problems);
        WandbLogState state = null;
        WandbLogReader.Outcome outcome = null;
        if (log != null) {
            String file = log.toString();
            state = new WandbLogState(new WandbHistory(file, problems));
            try {
                outcome = new WandbLogReader(file, problems).read(log,
                        new WandbRecordDecoder(file, problems, state), progress);
            } catch (ClosedByInterruptException e) {
                outcome = new WandbLogReader.Outcome(false, -1, false, true, 0);
            } catch (IOException e) {
                problems.add(file, "", "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
            if (outcome != null && outcome.cancelled()) {
                Thread.currentThread().interrupt();
                return new ImportResult(List.of(), problems.all());
            }
        }
        Path filesDir = bare ? null : path.resolve(WandbLayout.FILES);
        WandbFiles.Content content = filesDir != null && Files.isDirectory(filesDir, LinkOption.NOFOLLOW_LINKS)
                ? WandbFiles.read(filesDir, problems) : null;
        WandbLegacyHistory.Result legacy = content != null && (state == null || state.history.rows() == 0)
                ? WandbLegacyHistory.read(filesDir, problems) : null;
        if (log == null && content == null) {
            problems.add(path.toString(), "", "no run-*.wandb log and no files/ folder: nothing to read");
            return new ImportResult(List.of(), problems.all());
        }
        String folder = bare ? null : String.valueOf(path.getFileName());
        String id = nativeId(state, folder, log, path);
        Run run = WandbRunAssembler.assemble(new WandbRunAssembler.Parts(SourcePaths.canonical(path), id, folder, state,
                outcome, content, legacy, filesDir == null || content == null ? null : filesDir.toString()), problems);
        progress.update(1, 1, id);
        return new ImportResult(List.of(run), problems.all());
    }

    /** The folder's log: {@code run-<id>.wandb} for the folder's id, else the first by name (others reported). */
    private static Path chooseLog(Path dir, WandbProblems problems) {
        List<Path> logs;
        try {
            logs = WandbLayout.logFiles(dir);
        } catch (IOException e) {
            problems.add(dir.toString(), "", "cannot list folder: " + e.getMessage());
            return null;
        }
        if (logs.isEmpty()) {
            return null;
        }
        String id = WandbLayout.idFromFolder(String.valueOf(dir.getFileName()));
        Path chosen = logs.get(0);
        for (Path p : logs) {
            if (id != null && p.getFileName().toString().equals("run-" + id + ".wandb")) {
                chosen = p;
            }
        }
        for (Path p : logs) {
            if (!p.equals(chosen)) {
                problems.add(p.toString(), "", "a second log in the run folder; only " + chosen.getFileName()
                        + " is read");
            }
        }
        return chosen;
    }

    private static String nativeId(WandbLogState state, String folder, Path log, Path path) {
        if (state != null && state.runId != null) {
            return state.runId;
        }
        String id = folder == null ? null : WandbLayout.idFromFolder(folder);
        if (id == null && log != null) {
            id = WandbLayout.idFromLog(log.getFileName().toString());
        }
        return id != null ? id : String.valueOf(path.getFileName());
    }
}
