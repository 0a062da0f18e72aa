package org.reprodiff.ingest.sacred;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads Sacred {@code FileStorageObserver} runs (FORMATS.md 5), both generations: 0.8 with {@code metrics.json},
 * and 0.7 without it, whose results sit in {@code info.json}.
 *
 * <p>A <em>source</em> is an observer's base folder (numbered run folders beside {@code _sources/}) or a single
 * run folder ({@code run.json} with {@code config.json}); see {@link SacredLayout} for the sniffs, which read no
 * file. A <em>unit</em> is one run folder, so a run whose files did not change is not read again; a unit gives
 * one run, native id = the folder's name (Sacred's {@code _id}), source = the folder's canonical path, name =
 * {@code <experiment name>/<id>}. What comes from where:
 * <ul>
 *   <li>{@code run.json} ({@link SacredRunFile}, {@link SacredRunParser}): status, UTC times, code (repository,
 *       commit, dirty flag, main file, command, source digests), packages, data resources, environment and
 *       hardware ({@link SacredHostParser}), the command line as tags, the failure trace as the tag
 *       {@code sacred.fail_trace}, artifacts; the jsonpickled {@code result} is never loaded unless scalar;</li>
 *   <li>{@code config.json} ({@link SacredConfigParser}): parameters and the root {@code seed};</li>
 *   <li>{@code metrics.json} ({@link SacredMetricsParser}): the series, streamed;</li>
 *   <li>{@code info.json} ({@link SacredInfoParser}): numbers kept in {@code run.info} as one-point series,
 *       streamed, payloads skipped; a {@code metrics.json} series of the same name wins;</li>
 *   <li>{@code cout.txt}: listed as an artifact (the captured output), not read.</li>
 * </ul>
 *
 * <p>It does not own its subtree ({@link #ownsSubtree()} is false): Sacred's own files are not what the other
 * importers' sniffs take ({@code .json} files and {@code cout.txt} are no metric logs, and DVCLive's
 * {@code metrics.json} needs {@code plots/} beside it), {@code _sources/} holds only code, and what else may lie
 * below (artifacts that are another tool's logs, such as a TensorBoard folder or a Keras CSV) is read best by
 * that tool's importer, as with an MLflow run's artifacts; owning the subtree would drop them silently.
 *
 * <p>Faults: a missing or damaged file is a problem naming the file and line, and the run keeps the rest; a file
 * cut short marks the run truncated. One bad run folder never stops the others: each is its own unit. Reads
 * only; stateless and thread-safe.
 */
public final class SacredImporter implements RunImporter {
    public static final String FORMAT = "sacred";
    static final String COUT_ARTIFACT = SacredLayout.COUT;

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return SacredLayout.canRead(path);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        return (attributes == null || attributes.isDirectory()) && SacredLayout.canRead(path);
    }

    @Override
    public List<Path> units(Path source) throws IOException {
        return SacredLayout.runFolders(source);
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        if (Thread.currentThread().isInterrupted()) {
            return new ImportResult(List.of(), List.of());
        }
        Path dir = unit.toAbsolutePath().normalize();
        Path runFile = dir.resolve(SacredLayout.RUN);
        if (!Files.isRegularFile(runFile)) {
            return ImportResult.failed(new ImportProblem(runFile.toString(), "",
                    Files.exists(runFile, LinkOption.NOFOLLOW_LINKS) ? "not a file: not a Sacred run folder" : "missing: not a Sacred run folder (any more)"));
        }
        List<ImportProblem> problems = new ArrayList<>();
        String id = SacredLayout.name(dir);
        Run.Builder run = Run.builder(FORMAT, SourcePaths.canonical(dir), id);
        SacredRunFile.Content entry = SacredRunFile.read(runFile, problems);
        SacredRunParser.apply(entry, runFile.toString(), run, problems);
        boolean truncated = entry.truncated();

        Path config = dir.resolve(SacredLayout.CONFIG);
        if (Files.isRegularFile(config)) {
            truncated |= !SacredConfigParser.read(config, run, problems);
        } else {
            problems.add(new ImportProblem(config.toString(), "", "missing: the run's config was not saved"));
        }
        Path info = dir.resolve(SacredLayout.INFO);
        if (Files.isRegularFile(info)) {
            SacredInfoParser.read(info, run, problems);
        }
        Path metrics = dir.resolve(SacredLayout.METRICS);
        if (Files.isRegularFile(metrics)) {
            truncated |= !SacredMetricsParser.read(metrics, run, problems);
        }
        if (Files.isRegularFile(dir.resolve(SacredLayout.COUT))) {
            run.artifact(COUT_ARTIFACT);
        }
        run.truncated(truncated);
        problems.forEach(run::problem);
        progress.update(1, 1, id);
        return new ImportResult(List.of(run.build()), problems);
    }
}
