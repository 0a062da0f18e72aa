package org.reprodiff.ingest.lightning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reprodiff.app.Composition;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Real Lightning logs in {@code ../shared/realdata}, found by the project scanner. Expected values were read from
 * the files by hand ({@code wc -l}, {@code head}, {@code tail} of each {@code metrics.csv}; the event files'
 * values as decoded for the TensorBoard importer's real-data test).
 */
class LightningRealDataTest {

    private static Map<String, Run> importAll(Path root) throws Exception {
        Map<String, Run> runs = new TreeMap<>();
        for (ProjectScanner.Source source : new ProjectScanner(Composition.catalog()).scan(root, Progress.NONE).sources()) {
            assertEquals("lightning", source.importer().formatId(), source.path().toString());
            for (Run run : source.importer().read(source.path(), Progress.NONE).runs()) {
                runs.put(run.nativeId(), run);
            }
        }
        return runs;
    }

    @Test
    void genriskCsvLoggerVersionsWithTheirDivergedRuns() throws Exception {
        Path root = RealData.require("lightning_csv/AIRI-Institute__genrisk");
        Map<String, String> before = TreeSnapshot.of(root);
        Map<String, Run> runs = importAll(root);
        assertEquals(16, runs.size());
        for (Run run : runs.values()) {
            assertEquals(List.of("epoch", "train_disc_loss", "train_gen_loss"),
                    run.metrics().stream().map(MetricSeries::key).toList(), run.nativeId());
            assertTrue(run.params().isEmpty(), "hparams.yaml is {} everywhere");
            assertTrue(run.problems().isEmpty(), run.problems().toString());
        }
        Run v0 = runs.get("version_0");
        MetricSeries disc = v0.metric("train_disc_loss");
        assertEquals(320, disc.size(), "321 lines, one of them the header");
        assertEquals(1.6226933508321501e+24, disc.values()[0]);
        assertTrue(Double.isNaN(disc.values()[1]));
        assertTrue(Double.isNaN(v0.metric("train_gen_loss").values()[0]));
        assertEquals(319, disc.lastStep());
        assertEquals(79.0, v0.metric("epoch").last());
        assertTrue(Double.isNaN(runs.get("version_1").metric("train_disc_loss").values()[0]), "version_1 is nan from step 0");
        assertEquals(-1.367891097838423e+25, runs.get("version_5").metric("train_disc_loss").values()[0]);
        assertEquals(40, runs.get("version_5").metric("train_disc_loss").size());

        MetricSeries v6 = runs.get("version_6").metric("train_gen_loss");
        assertEquals(320, v6.size());
        assertEquals(-0.1584795117378235, v6.last());
        MetricSeries v15 = runs.get("version_15").metric("train_disc_loss");
        assertEquals(100, v15.size());
        assertEquals(99, v15.lastStep());
        assertEquals(0.011734843254089355, v15.last());
        long finite = runs.values().stream().filter(r -> Double.isFinite(r.metric("train_disc_loss").last())).count();
        assertEquals(13, finite, "all but versions 0, 1 and 5 end finite");
        assertEquals(before, TreeSnapshot.of(root));
    }

    @Test
    void tensorboardLoggerVersionsTakeHparamsYamlDespiteItsPythonTag() throws Exception {
        Map<String, Run> runs = importAll(RealData.require("tensorboard/GiulioZani__facial-expression-recognition"));
        assertEquals(List.of("version_0", "version_1", "version_13", "version_14", "version_16"), List.copyOf(runs.keySet()));
        Run v13 = runs.get("version_13");
        assertEquals(ParamValue.number(0.0002, "0.0002"), v13.param("params.lr").value());
        assertEquals(ParamValue.bool(true, "true"), v13.param("params.cuda").value(), "the YAML's bool, not the event file's 1.0");
        assertEquals(21.0, v13.param("train_batch_size").value().number());
        assertEquals(24, v13.params().size(), "23 Namespace fields and train_batch_size");
        assertEquals(v13.params(), runs.get("version_16").params());
        assertEquals(RunStatus.FINISHED, v13.status());
        assertEquals(0.15922744572162628, v13.metric("train_performance/Accuracy").last(), "an add_scalars folder, attached");
        assertEquals(12, v13.metrics().size());
        assertFalse(v13.truncated());
    }
}
