package org.reprodiff.ingest.hydra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.ingest.YamlConfig;
import org.reprodiff.ingest.tensorboard.EmbeddedEventLogs;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Hydra output folders (FORMATS.md 7): a source, and its only unit, is one folder holding
 * {@code .hydra/config.yaml}, a single run ({@code outputs/<date>/<time>/}) or one member of a sweep
 * ({@code multirun/<date>/<time>/<n>/}); a sweep's own folder is not a run. One folder gives one run:
 * <ul>
 *   <li>parameters: {@code config.yaml} flattened to dotted keys, typed, interpolations kept as text
 *       ({@link YamlConfig}); nothing from {@code hydra.yaml} becomes a parameter;</li>
 *   <li>code: the job name as program, the task overrides of {@code overrides.yaml} (else those of
 *       {@code hydra.yaml}) as arguments, also kept joined by spaces as the tag {@code hydra.overrides};</li>
 *   <li>name: the job name; experiment: the sweep's id for a sweep member; start time and native id from the
 *       folder names ({@link HydraLayout});</li>
 *   <li>environment: {@code framework.hydra} (the Hydra version) and the variables Hydra set for the job;</li>
 *   <li>artifacts: the output folder's top-level entries besides {@code .hydra}.</li>
 * </ul>
 * Hydra records no metrics, status, git state or hardware. The job's own logs belong with it: TensorBoard event
 * files anywhere below the folder (a Lightning or PyTorch logger in a job that ran there) give the run its series,
 * keyed by their folder ({@code lightning_logs/version_0/val_loss}, see {@link EmbeddedEventLogs}) and, where the
 * hparams plugin says, its status. Those logs also import as runs of their own under their own importers, as do
 * stores of many runs (MLflow, W&amp;B) kept in the folder. Only a {@code config.yaml}
 * that vanished before reading loses the run; an unreadable one, or a bad {@code hydra.yaml} or
 * {@code overrides.yaml}, is a problem (with its line where known) and the run keeps the rest; an empty
 * {@code config.yaml} (a job killed while writing it) also marks the run truncated. Never writes; stateless and thread-safe.
 */
public final class HydraImporter implements RunImporter {
    public static final String FORMAT = "hydra";
    private static final int MAX_ARTIFACTS = 1000;

    private final ZoneId zone;

    /** Reads folder-name times in the importing machine's time zone. */
    public HydraImporter() {
        this(ZoneId.systemDefault());
    }

    /** Reads folder-name times (local times of the machine that ran the job) in {@code zone}. */
    public HydraImporter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return HydraLayout.canRead(path, null);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        return HydraLayout.canRead(path, attributes);
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path dir = unit.toAbsolutePath().normalize();
        Path meta = dir.resolve(HydraLayout.META_DIR);
        List<ImportProblem> problems = new ArrayList<>();
        Path configFile = meta.resolve(HydraLayout.CONFIG);
        Loaded config = load(configFile, problems);
        if (!config.present()) {
            problems.add(new ImportProblem(configFile.toString(), "", "missing: not a Hydra output folder (any more)"));
            return new ImportResult(List.of(), problems);
        }
        HydraJobParser.Job job = HydraJobParser.parse(load(meta.resolve(HydraLayout.HYDRA), problems).document());
        Path overridesFile = meta.resolve(HydraLayout.OVERRIDES);
        Loaded overrides = load(overridesFile, problems);

        boolean sweep = job.num() != null || HydraLayout.parentHoldsMultirunFile(dir);
        Run.Builder run = Run.builder(FORMAT, SourcePaths.canonical(dir), HydraLayout.nativeId(dir, sweep));
        run.name(job.name());
        if (sweep) {
            run.experiment(HydraLayout.sweepId(dir));
        }
        run.startTime(HydraLayout.startTime(dir, sweep, zone));
        readParams(config, configFile, run, problems);
        List<String> args = taskOverrides(overrides, overridesFile, job, problems);
        run.code(new CodeState(null, null, null, null, null, job.name(), args, null));
        tags(job, args, sweep, run);
        run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + "hydra", job.version());
        job.envSet().forEach((k, v) -> run.environment(EnvironmentKeys.ENV_PREFIX + k, v));
        artifacts(dir, run, problems);
        EmbeddedEventLogs.Attached logs = EmbeddedEventLogs.attach(dir, run, Progress.NONE);
        if (logs.status() != null) {
            run.status(logs.status());
        }

        problems.forEach(run::problem);
        progress.update(1, 1, dir.toString());
        Run built = run.build();
        return new ImportResult(List.of(built), built.problems());
    }

    private static void readParams(Loaded config, Path file, Run.Builder run, List<ImportProblem> problems) {
        Object doc = config.document();
        if (doc instanceof Map<?, ?> m) {
            YamlConfig.flatten(m).forEach(run::param);
            run.captured(Facet.PARAMS);
        } else if (doc == null && config.readable()) {
            problems.add(new ImportProblem(file.toString(), "", "empty file: the job's config was not written"));
            run.truncated(true);
        } else if (doc != null) {
            problems.add(new ImportProblem(file.toString(), "", "not a mapping of config keys"));
        }
    }

    /** The task overrides from {@code overrides.yaml}, else from {@code hydra.yaml}; empty when neither says. */
    private static List<String> taskOverrides(Loaded overrides, Path file, HydraJobParser.Job job,
                                              List<ImportProblem> problems) {
        Object doc = overrides.document();
        if (doc instanceof List<?>) {
            return HydraJobParser.strings(doc);
        }
        if (doc != null) {
            problems.add(new ImportProblem(file.toString(), "", "not a list of overrides"));
        }
        return job.taskOverrides() == null ? List.of() : job.taskOverrides();
    }

    private static void tags(HydraJobParser.Job job, List<String> args, boolean sweep, Run.Builder run) {
        if (!args.isEmpty()) {
            run.tag("hydra.overrides", String.join(" ", args));
        }
        if (!job.hydraOverrides().isEmpty()) {
            run.tag("hydra.overrides.hydra", String.join(" ", job.hydraOverrides()));
        }
        if (job.configName() != null) {
            run.tag("hydra.config_name", job.configName());
        }
        if (sweep && job.num() != null) {
            run.tag("hydra.job.num", job.num().toString());
        }
        if (job.mode() != null) {
            run.tag("hydra.mode", job.mode());
        }
        if (job.cwd() != null) {
            run.tag("hydra.runtime.cwd", job.cwd());
        }
        job.choices().forEach((group, option) -> {
            if (!group.startsWith("hydra/")) {
                run.tag("hydra.choice." + group, option);
            }
        });
    }

    private static void artifacts(Path dir, Run.Builder run, List<ImportProblem> problems) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = String.valueOf(entry.getFileName());
                if (!name.equals(HydraLayout.META_DIR) && names.size() < MAX_ARTIFACTS) {
                    names.add(Files.isDirectory(entry) ? name + "/" : name);
                }
            }
        } catch (IOException e) {
            problems.add(new ImportProblem(dir.toString(), "", "cannot list the output folder: " + e.getMessage()));
        }
        names.sort(null);
        names.forEach(run::artifact);
    }

    /** A YAML file's document; {@code present} is false when the file is absent, {@code readable} when it parsed. */
    private record Loaded(Object document, boolean present, boolean readable) {
        static final Loaded ABSENT = new Loaded(null, false, false);
    }

    private static Loaded load(Path file, List<ImportProblem> problems) {
        if (!Files.exists(file)) {
            return Loaded.ABSENT;
        }
        try {
            return new Loaded(SafeYaml.read(file), true, true);
        } catch (SafeYaml.YamlException e) {
            problems.add(new ImportProblem(file.toString(), line(e), "not YAML: " + e.getMessage()));
        } catch (NoSuchFileException e) {
            return Loaded.ABSENT;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
        return new Loaded(null, true, false);
    }

    private static String line(SafeYaml.YamlException e) {
        return e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null
                ? "line " + (m.getProblemMark().getLine() + 1) : "";
    }
}
