package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.lightning.LightningImporter;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.TreeSnapshot;

/** The Lightning sample pair: reproducible bytes, committed as generated, one run per version with both loggers. */
class LightningSampleWriterTest {
    @TempDir
    Path temp;

    @Test
    void committedSampleRunsAreCurrentAndReproducible() throws IOException {
        LightningSampleWriter.generate(temp.resolve("one"));
        LightningSampleWriter.generate(temp.resolve("two"));
        Map<String, String> one = TreeSnapshot.contents(temp.resolve("one"));
        assertEquals(8, one.size(), "hparams.yaml, config.yaml, metrics.csv and one event file per version: " + one.keySet());
        assertEquals(one, TreeSnapshot.contents(temp.resolve("two")));
        Path committed = Path.of("sample-runs", "lightning_logs");
        assertTrue(Files.isDirectory(committed), "sample-runs/lightning_logs is missing: run SampleProjectGenerator");
        assertEquals(TreeSnapshot.contents(temp.resolve("one")), TreeSnapshot.contents(committed));
    }

    @Test
    void bothLoggersReadBackAsOneRunPerVersionThatPartAtTheGpuStep() throws IOException {
        LightningSampleWriter.generate(temp);
        LightningImporter importer = new LightningImporter();
        Run a = importer.read(temp.resolve("version_0"), Progress.NONE).runs().get(0);
        Run b = importer.read(temp.resolve("version_1"), Progress.NONE).runs().get(0);
        for (Run run : List.of(a, b)) {
            assertTrue(run.problems().isEmpty(), run.problems().toString());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(List.of("epoch", "hp_metric", "train_loss", "val_acc", "val_loss"),
                    run.metrics().stream().map(MetricSeries::key).toList());
            assertEquals(LightningSampleWriter.STEPS, run.metric("train_loss").size());
            assertEquals(LightningSampleWriter.STEPS / LightningSampleWriter.STEPS_PER_EPOCH, run.metric("val_loss").size());
            assertEquals(String.valueOf(LightningSampleWriter.SEED), run.seeds().get(0).value());
        }
        assertEquals(a.params(), b.params());
        int part = LightningSampleWriter.PART_STEP;
        double[] la = a.metric("train_loss").values();
        double[] lb = b.metric("train_loss").values();
        assertArrayEquals(Arrays.copyOf(la, part), Arrays.copyOf(lb, part));
        assertNotEquals(la[part], lb[part]);
    }
}
