package org.reprodiff.ingest.hydra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.sample.EventFileWriter;

/** A Hydra job's own TensorBoard logs give its run the series the config alone cannot. */
class HydraJobLogsTest {
    @TempDir
    Path dir;

    @Test
    void eventFilesBelowTheOutputFolderBecomeTheRunsSeries() throws IOException {
        Path out = Files.createDirectories(dir.resolve("outputs/2024-03-01/09-15-00"));
        Path meta = Files.createDirectories(out.resolve(".hydra"));
        Files.writeString(meta.resolve("config.yaml"), "lr: 0.01\n");
        Files.writeString(meta.resolve("overrides.yaml"), "- lr=0.01\n");
        Path version = Files.createDirectories(out.resolve("lightning_logs/version_0"));
        try (EventFileWriter w = EventFileWriter.create(version.resolve(EventFileWriter.fileName(1709284500L, "h", 1, 0)), 1709284500.0)) {
            w.scalar("val_loss", 10, 0.5f, 1709284510.0);
            w.scalar("val_loss", 20, 0.25f, 1709284520.0);
            w.sessionEndInfo(EventFileWriter.SessionStatus.FAILURE, 1709284530.0, 1709284530.0);
        }

        Run run = new HydraImporter(ZoneOffset.UTC).read(out, Progress.NONE).runs().get(0);
        assertEquals(0.01, run.param("lr").value().number());
        assertEquals(List.of("lightning_logs/version_0/val_loss"), run.metrics().stream().map(MetricSeries::key).toList());
        assertArrayEquals(new long[] {10, 20}, run.metrics().get(0).steps());
        assertArrayEquals(new double[] {0.5, 0.25}, run.metrics().get(0).values());
        assertEquals(RunStatus.FAILED, run.status(), "the hparams plugin's session end info");
    }
}
