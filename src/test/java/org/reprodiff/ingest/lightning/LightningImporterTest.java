package org.reprodiff.ingest.lightning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.app.Composition;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.sample.EventFileWriter;
import org.reprodiff.testing.TreeSnapshot;

/** Lightning version folders written here by hand: both loggers merged into one run, damage kept local. */
class LightningImporterTest {
    private static final LightningImporter IMPORTER = new LightningImporter();

    @TempDir
    Path dir;

    private Path version(String name) throws IOException {
        return Files.createDirectories(dir.resolve("lightning_logs").resolve(name));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The CSV logger's shape: sorted header, sparse rows, two rows at step 9 (train step, then epoch end). */
    private static final String METRICS = """
            epoch,step,train_loss,val_acc,val_loss
            0,4,0.9,,
            0,9,0.7,,
            0,9,,0.5,nan
            1,14,inf,,
            """;

    private void bothLoggers(Path v) throws IOException {
        write(v.resolve("hparams.yaml"), """
                args: !!python/object:argparse.Namespace
                  lr: 0.001
                  layers: [64, 32]
                batch_size: 16
                """);
        write(v.resolve("metrics.csv"), METRICS);
        Path events = v.resolve(EventFileWriter.fileName(1700000000L, "box", 42, 0));
        try (EventFileWriter w = EventFileWriter.create(events, 1700000000.0)) {
            w.sessionStartInfo(Map.of("args/lr", 0.001, "batch_size", 16.0), 1700000000.0, 1700000000.5);
            w.scalar("hp_metric", 0, -1f, 1700000001.0);
            w.scalar("train_loss", 4, 0.875f, 1700000002.0);
            w.scalar("val_acc", 9, 0.5f, 1700000003.0);
            w.sessionEndInfo(EventFileWriter.SessionStatus.SUCCESS, 1700000004.0, 1700000004.0);
        }
    }

    @Test
    void versionFolderWithBothLoggersIsOneRun() throws IOException {
        Path v = version("version_0");
        bothLoggers(v);
        Files.createDirectories(v.resolve("checkpoints"));
        write(v.resolve("checkpoints/epoch=1-step=14.ckpt"), "not a real checkpoint");

        ImportResult result = IMPORTER.read(v, Progress.NONE);
        assertEquals(1, result.runs().size());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        Run run = result.runs().get(0);
        assertEquals("lightning", run.format());
        assertEquals("version_0", run.nativeId());
        assertEquals("version_0", run.name());
        assertEquals("lightning_logs", run.experiment());
        assertEquals(v.toRealPath().toString(), run.source());

        assertEquals(List.of("args.layers", "args.lr", "batch_size"), run.params().stream().map(p -> p.key()).toList(),
                "hparams.yaml wins: the event file's copy of the same values is not added again");
        assertEquals(ParamValue.number(0.001, "0.001"), run.param("args.lr").value());
        assertEquals("[64, 32]", run.param("args.layers").value().raw());

        assertEquals(List.of("epoch", "hp_metric", "train_loss", "val_acc", "val_loss"),
                run.metrics().stream().map(MetricSeries::key).toList());
        MetricSeries train = run.metric("train_loss");
        assertArrayEquals(new long[] {4, 9, 14}, train.steps(), "the CSV's series, not the event file's single point");
        assertArrayEquals(new double[] {0.9, 0.7, Double.POSITIVE_INFINITY}, train.values());
        assertArrayEquals(new long[] {9}, run.metric("val_loss").steps());
        assertTrue(Double.isNaN(run.metric("val_loss").last()));
        assertArrayEquals(new double[] {0, 0, 0, 1}, run.metric("epoch").values());
        assertArrayEquals(new double[] {-1}, run.metric("hp_metric").values(), "only the event file has hp_metric");

        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals(Instant.ofEpochMilli(1700000000000L), run.startTime(), "the file-version event opens the file");
        assertEquals(Instant.ofEpochMilli(1700000004000L), run.endTime());
        assertEquals(List.of("checkpoints/epoch=1-step=14.ckpt"), run.artifacts());
        assertFalse(run.truncated());
    }

    @Test
    void csvLoggerAloneGivesTheCsvSeriesAndNoTimes() throws IOException {
        Path v = version("version_3");
        write(v.resolve("hparams.yaml"), "{}\n");
        write(v.resolve("metrics.csv"), METRICS);
        Run run = IMPORTER.read(v, Progress.NONE).runs().get(0);
        assertTrue(run.params().isEmpty());
        assertFalse(run.notCaptured().contains(org.reprodiff.model.Facet.PARAMS), "an empty hparams.yaml is a record");
        assertEquals(4, run.metrics().size());
        assertEquals(RunStatus.UNKNOWN, run.status());
        assertNull(run.startTime());
    }

    @Test
    void cliConfigGivesTheSeedAndEventHparamsFillInWhenNoYamlHasAny() throws IOException {
        Path v = version("version_1");
        write(v.resolve("hparams.yaml"), "lr: 0.01\n");
        write(v.resolve("config.yaml"), "seed_everything: 1234\ntrainer:\n  max_epochs: 3\n");
        write(v.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.5\n");
        Run run = IMPORTER.read(v, Progress.NONE).runs().get(0);
        assertEquals(List.of("lr", "seed_everything", "trainer.max_epochs"), run.params().stream().map(p -> p.key()).toList());
        assertEquals("1234", run.seeds().get(0).value());

        Path tbOnly = version("version_2");
        write(tbOnly.resolve("hparams.yaml"), "");
        try (EventFileWriter w = EventFileWriter.create(tbOnly.resolve(EventFileWriter.fileName(1700000000L, "box", 7, 0)), 1700000000.0)) {
            w.sessionStartInfo(Map.of("model/width", 8.0), 1700000000.0, 1700000000.0);
        }
        Run fromEvents = IMPORTER.read(tbOnly, Progress.NONE).runs().get(0);
        assertEquals(8.0, fromEvents.param("model.width").value().number(), "Lightning's '/' flattening read back with dots");
    }

    @Test
    void damageInOneFileIsAProblemAndTheRestIsRead() throws IOException {
        Path v = version("version_4");
        write(v.resolve("hparams.yaml"), "lr: [0.1\n");
        write(v.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.5\n0,1,1.2\n0,2,1.");
        ImportResult result = IMPORTER.read(v, Progress.NONE);
        Run run = result.runs().get(0);
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(v.resolve("hparams.yaml").toString(), result.problems().get(0).file());
        assertTrue(result.problems().get(0).message().startsWith("not valid YAML"), result.problems().get(0).message());
        assertArrayEquals(new double[] {1.5, 1.2, 1.0}, run.metric("loss").values(),
                "'1.' parses, so the unterminated last line cannot be told from a complete one");

        write(v.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.5\n0,1,1.2\n0,");
        Run cut = IMPORTER.read(v, Progress.NONE).runs().get(0);
        assertTrue(cut.truncated(), "a row cut short by a running job");
        assertArrayEquals(new double[] {1.5, 1.2}, cut.metric("loss").values());
    }

    @Test
    void scannerGivesTheVersionFolderToLightningAloneAndWritesNothing() throws Exception {
        bothLoggers(version("version_0"));
        Path csvOnly = version("version_1");
        write(csvOnly.resolve("hparams.yaml"), "{}\n");
        write(csvOnly.resolve("metrics.csv"), METRICS);
        Path crashedCsv = version("version_2");
        write(crashedCsv.resolve("metrics.csv"), METRICS);
        Files.createDirectories(dir.resolve("data"));
        write(dir.resolve("data/train.csv"), "image,label\nimg1.png,cat\nimg2.png,dog\n");
        Map<String, String> before = TreeSnapshot.of(dir);

        List<ProjectScanner.Source> sources = new ProjectScanner(Composition.catalog()).scan(dir, Progress.NONE).sources();
        assertEquals(List.of("lightning version_0", "lightning version_1", "lightning version_2"),
                sources.stream().map(s -> s.importer().formatId() + " " + s.path().getFileName()).sorted().toList(),
                "no TensorBoard or CSV run for the same files, and a data folder's CSV is nobody's");
        assertEquals(before, TreeSnapshot.of(dir));
    }
}
