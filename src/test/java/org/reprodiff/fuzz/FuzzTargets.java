package org.reprodiff.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.ingest.csv.CsvLogImporter;
import org.reprodiff.ingest.dvc.DvcImporter;
import org.reprodiff.ingest.guild.GuildImporter;
import org.reprodiff.ingest.hydra.HydraImporter;
import org.reprodiff.ingest.lightning.LightningImporter;
import org.reprodiff.ingest.mlflow.MlflowFileStoreImporter;
import org.reprodiff.ingest.sacred.SacredImporter;
import org.reprodiff.ingest.tensorboard.TensorboardImporter;
import org.reprodiff.ingest.wandb.WandbImporter;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.EventFileWriter;

/**
 * Every reader under fuzzing, each with a small valid seed input and the place its mutants are written: the
 * binary readers (TensorBoard records, the {@code .wandb} log) and the text readers (YAML through two importers,
 * JSON with non-standard numbers, Keras/generic CSV, Lightning's {@code metrics.csv}, MLflow's metric lines and
 * {@code meta.yaml}; Sacred's {@code run.json} and {@code metrics.json}, DVC's {@code dvc.lock}, Guild's flags
 * attribute, each inside a copied fixture run). A target passes a case when the reader returns: problems are the expected outcome of
 * damage, and an {@link IOException} is the declared outcome of the two bare parsers.
 */
final class FuzzTargets {

    record Named(String name, byte[] seed, FuzzCampaign.Target target) {
    }

    private FuzzTargets() {
    }

    static List<Named> all(Path work) throws IOException {
        return List.of(tensorboard(work), wandb(work), lightningHparams(work), lightningMetrics(work), hydra(work),
                json(), yaml(work), kerasCsv(work), mlflowMetric(work), mlflowMeta(work),
                copied(work, "sacred-run-json", "sacred/v08/runs/1", "run.json", new SacredImporter()),
                copied(work, "sacred-metrics-json", "sacred/v08/runs/1", "metrics.json", new SacredImporter()),
                copied(work, "dvc-lock-yaml", "dvc/project", "dvc.lock", new DvcImporter()),
                copied(work, "guild-attrs-yaml", "guild/minimal/0f1e2d3c4b5a69788796a5b4c3d2e1f0", ".guild/attrs/flags",
                        new GuildImporter()));
    }

    private static FuzzCampaign.Target importing(RunImporter importer, Path file, Path unit) {
        return input -> {
            Files.write(file, input);
            ImportResult result = importer.read(unit, Progress.NONE);
            Objects.requireNonNull(result, "no result");
            result.runs().forEach(Objects::requireNonNull);
        };
    }

    static Named tensorboard(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("tb"));
        Path file = dir.resolve(EventFileWriter.fileName(1700000000L, "fuzz", 1, 0));
        try (EventFileWriter w = EventFileWriter.create(file, 1700000000.0)) {
            w.sessionStartInfo(Map.of("lr", 0.001, "opt", "adam"), 1700000000.0, 1700000000.0);
            for (int step = 0; step < 8; step++) {
                w.scalar("loss", step, 1f / (step + 1), 1700000001.0 + step);
                w.tensorScalar("acc", step, step / 8.0, EventFileWriter.TensorEncoding.DOUBLE_CONTENT, 1700000001.0 + step);
            }
            w.sessionEndInfo(EventFileWriter.SessionStatus.SUCCESS, 1700000010.0, 1700000010.0);
        }
        return new Named("tensorboard-records", Files.readAllBytes(file), importing(new TensorboardImporter(), file, dir));
    }

    static Named wandb(Path work) throws IOException {
        Path sample = Path.of("sample-runs", "wandb", "offline-run-20231204_100000-e39ks5ec", "run-e39ks5ec.wandb");
        Path dir = Files.createDirectories(work.resolve("wandb").resolve("offline-run-20231204_100000-e39ks5ec"));
        Path file = dir.resolve("run-e39ks5ec.wandb");
        byte[] seed = Files.readAllBytes(sample);
        return new Named("wandb-log", seed, importing(new WandbImporter(), file, dir));
    }

    static Named lightningHparams(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("lightning-h").resolve("version_0"));
        Files.writeString(dir.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.5\n");
        String seed = """
                params: !!python/object:argparse.Namespace
                  lr: 0.0002
                  layers: [64, 32]
                  name: &n resnet
                  alias: *n
                model: {width: 8, act: relu, drop: .NaN}
                seed: 42
                """;
        return new Named("yaml-lightning-hparams", utf8(seed), importing(new LightningImporter(), dir.resolve("hparams.yaml"), dir));
    }

    static Named lightningMetrics(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("lightning-m").resolve("version_0"));
        Files.writeString(dir.resolve("hparams.yaml"), "lr: 0.1\n");
        String seed = "epoch,step,train_loss,val_acc,val_loss\n0,4,0.9,,\n0,9,0.7,,\n0,9,,0.5,nan\n1,14,inf,,\n1,19,-inf,0.6,1e-3\n";
        return new Named("csv-lightning-metrics", utf8(seed), importing(new LightningImporter(), dir.resolve("metrics.csv"), dir));
    }

    static Named hydra(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("hydra").resolve("2024-01-01").resolve("12-00-00"));
        Path meta = Files.createDirectories(dir.resolve(".hydra"));
        Files.writeString(meta.resolve("overrides.yaml"), "- lr=0.1\n- model=resnet\n");
        String seed = """
                model:
                  name: resnet
                  lr: ${optim.lr}
                optim:
                  lr: 0.1
                  betas: [0.9, 0.999]
                data: ???
                run_at: ${now:%H-%M}
                """;
        return new Named("yaml-hydra-config", utf8(seed), importing(new HydraImporter(), meta.resolve("config.yaml"), dir));
    }

    static Named json() {
        String seed = "{\"loss\": NaN, \"acc\": Infinity, \"neg\": -Infinity, \"nested\": {\"a\": [1, 2.5e-3, +4]},"
                + " \"s\": \"caf\\u00e9\", \"t\": true, \"n\": null}";
        return new Named("json-lenient", utf8(seed), input -> {
            try {
                LenientJson.mapper().readTree(input);
            } catch (IOException expected) {
                // damage in a JSON document is reported by the caller as a problem with this message
            }
        });
    }

    static Named yaml(Path work) throws IOException {
        Path file = Files.createDirectories(work.resolve("yaml")).resolve("doc.yaml");
        String seed = "a: &x [1, 2, {b: c}]\nb: *x\nc: !!python/tuple [1, 2]\nd: !custom {e: 1.5e-3}\n";
        return new Named("yaml-safe", utf8(seed), input -> {
            try {
                Files.write(file, input);
                SafeYaml.read(file);
            } catch (IOException expected) {
                // a YamlException names the line; importers turn it into a problem
            }
        });
    }

    static Named kerasCsv(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("keras").resolve("logs"));
        String seed = "epoch,accuracy,loss,val_accuracy,val_loss\r\r\n0,0.5,1.2,0.4,NA\r\r\n1,0.6,1.0,0.55,0.9\r\r\n"
                + "2,0.7,0.8,0.6,nan\r\r\n";
        Path file = dir.resolve("training_log.csv");
        return new Named("csv-keras", utf8(seed), importing(new CsvLogImporter(), file, file));
    }

    private static Path mlflowRun(Path work, String name) throws IOException {
        Path exp = Files.createDirectories(work.resolve(name).resolve("mlruns").resolve("1"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///tmp/mlruns/1\nexperiment_id: '1'\n"
                + "lifecycle_stage: active\nname: fuzz\n");
        Path run = Files.createDirectories(exp.resolve("0123456789abcdef0123456789abcdef"));
        Files.createDirectories(run.resolve("metrics"));
        Files.createDirectories(run.resolve("params"));
        Files.writeString(run.resolve("params").resolve("lr"), "0.001");
        Files.writeString(run.resolve("meta.yaml"), MLFLOW_META);
        return run;
    }

    private static final String MLFLOW_META = """
            artifact_uri: file:///tmp/mlruns/1/0123456789abcdef0123456789abcdef/artifacts
            end_time: 1701681483776
            experiment_id: '1'
            lifecycle_stage: active
            run_id: 0123456789abcdef0123456789abcdef
            run_name: fuzz-run
            run_uuid: 0123456789abcdef0123456789abcdef
            source_type: 4
            start_time: 1701681347272
            status: 3
            user_id: demo
            """;

    static Named mlflowMetric(Path work) throws IOException {
        Path run = mlflowRun(work, "mlflow-metric");
        String seed = "1701681351824 2.3551456928253174 0\n1701681352069 NaN 1\n1701681352302 inf 2\n1701681352500 -1e-5 3\n";
        return new Named("mlflow-metric-lines", utf8(seed),
                importing(new MlflowFileStoreImporter(), run.resolve("metrics").resolve("loss"), run));
    }

    static Named mlflowMeta(Path work) throws IOException {
        Path run = mlflowRun(work, "mlflow-meta");
        Files.writeString(run.resolve("metrics").resolve("loss"), "1701681351824 2.5 0\n");
        return new Named("yaml-mlflow-meta", utf8(MLFLOW_META), importing(new MlflowFileStoreImporter(), run.resolve("meta.yaml"), run));
    }

    /**
     * A run folder copied from the test fixtures ({@code src/test/resources/fixtures/<fixture>}) whose file
     * {@code mutated} takes the mutants; the importer reads the whole folder each time.
     */
    static Named copied(Path work, String name, String fixture, String mutated, RunImporter importer) throws IOException {
        Path from = Path.of("src", "test", "resources", "fixtures").resolve(fixture);
        Path to = work.resolve(name).resolve(from.getFileName());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path file = to.resolve(mutated);
        return new Named(name, Files.readAllBytes(file), importing(importer, file, to));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
