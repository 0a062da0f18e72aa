package org.reprodiff.ingest.lightning;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.ingest.YamlConfig;
import org.reprodiff.ingest.csv.MetricLog;
import org.reprodiff.ingest.tensorboard.EmbeddedEventLogs;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Reads Lightning logger version folders (FORMATS.md 6; recognised by {@link LightningLayout}). A version folder
 * is one run and its only unit, whichever loggers wrote it: it {@linkplain #ownsSubtree() owns its subtree}, so
 * its event files and {@code metrics.csv} are not also taken for TensorBoard or CSV runs.
 * <ul>
 *   <li>identity: source the folder's canonical path, native id and name the folder's name ({@code version_3}),
 *       experiment the parent folder's name (the logger's {@code name}, {@code lightning_logs} by default);</li>
 *   <li>parameters: {@code hparams.yaml} flattened with dotted keys (Python tags such as
 *       {@code !!python/object:argparse.Namespace} read as plain mappings, nothing constructed), then LightningCLI's
 *       {@code config.yaml} where present (its {@code seed_everything} is the run's seed), keys already taken
 *       kept; when neither file gives any, the TensorBoard hparams plugin's (Lightning flattens them with
 *       {@code /}; read back with dots);</li>
 *   <li>series: the TensorBoard logger's scalars ({@link EmbeddedEventLogs}, {@code add_scalars} children and a
 *       {@code sub_dir} level included, {@code hp_metric} too) and the CSV logger's {@code metrics.csv} (sparse
 *       rows, {@code step} the x column, {@code epoch} a series, {@code nan}/{@code inf} values); a metric both
 *       loggers wrote is kept once, from the CSV, which holds Python's full-precision repr rather than float32;</li>
 *   <li>status from the hparams session end info when the TensorBoard logger wrote one, else unknown (Lightning
 *       records none); start and end from the event wall times (the CSV logger records none);</li>
 *   <li>artifacts: the files under {@code checkpoints/}.</li>
 * </ul>
 * Damage in any file is a problem naming it, and the rest is still read; a {@code metrics.csv} or event file
 * cut short marks the run truncated. Never writes; stateless, so folders may be read in parallel.
 */
public final class LightningImporter implements RunImporter {
    public static final String FORMAT = "lightning";

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return LightningLayout.isVersionFolder(path, null);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        return LightningLayout.isVersionFolder(path, attributes);
    }

    @Override
    public boolean ownsSubtree() {
        return true;
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path dir = unit.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return ImportResult.failed(new ImportProblem(dir.toString(), "", "vanished before it could be read"));
        }
        Path name = dir.getFileName();
        Path parent = dir.getParent() == null ? null : dir.getParent().getFileName();
        String id = name == null ? "." : name.toString();
        Run.Builder run = Run.builder(FORMAT, SourcePaths.canonical(dir), id).name(id)
                .experiment(parent == null ? null : parent.toString());

        Set<String> paramKeys = new HashSet<>();
        params(dir.resolve(LightningLayout.HPARAMS), run, paramKeys);
        params(dir.resolve(LightningLayout.CLI_CONFIG), run, paramKeys);

        Set<String> seriesKeys = new HashSet<>();
        EmbeddedEventLogs.Attached events = EmbeddedEventLogs.attach(dir, run, seriesKeys, progress);
        if (paramKeys.isEmpty()) {
            events.params().forEach((k, v) -> param(run, paramKeys, k.replace('/', '.'), v));
        }
        csvLog(dir.resolve(LightningLayout.METRICS), run);
        run.status(events.status() == null ? RunStatus.UNKNOWN : events.status())
                .startTime(events.first()).endTime(events.last());
        checkpoints(dir.resolve(LightningLayout.CHECKPOINTS), run);

        Run built = run.build();
        progress.update(1, 1, dir.toString());
        return new ImportResult(List.of(built), built.problems());
    }

    /** A YAML file's mapping as parameters; a missing file says nothing, a bad one is a problem. */
    private static void params(Path file, Run.Builder run, Set<String> taken) {
        Object doc;
        try {
            doc = SafeYaml.read(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            run.problem(SafeYaml.problem(file.toString(), e));
            return;
        }
        if (doc instanceof Map<?, ?> m) {
            YamlConfig.flatten(m).forEach((k, v) -> param(run, taken, k, v));
            run.captured(Facet.PARAMS);
        } else if (doc != null) {
            run.problem(new ImportProblem(file.toString(), "", "not a mapping of hyperparameters"));
        }
    }

    private static void param(Run.Builder run, Set<String> taken, String key, ParamValue value) {
        if (taken.add(key)) {
            run.param(key, value);
        }
    }

    private static void csvLog(Path file, Run.Builder run) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        MetricLog log = MetricLog.readDelimited(file);
        for (MetricSeries s : log.series()) {
            run.metric(s);
        }
        log.problems().forEach(run::problem);
        if (log.truncated()) {
            run.truncated(true);
        }
    }

    private static void checkpoints(Path folder, Run.Builder run) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            files.forEach(f -> names.add(LightningLayout.CHECKPOINTS + "/" + f.getFileName()));
        } catch (IOException | RuntimeException e) {
            run.problem(new ImportProblem(folder.toString(), "", "cannot list checkpoints: " + e.getMessage()));
        }
        names.stream().sorted().forEach(run::artifact);
    }
}
