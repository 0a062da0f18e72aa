package org.reprodiff.ingest.sacred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.Facet;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The real Sacred logs in {@code ../shared/realdata/sacred} (read in place): ml-pws (Sacred 0.8.5, with
 * {@code metrics.json}) and uncertainty-quality (Sacred 0.7, results in {@code info.json}). Expected values were
 * read from the files by hand (MANIFEST.md and the JSON itself).
 */
class SacredRealDataTest {
    private final SacredImporter importer = new SacredImporter();

    static Map<String, Run> importAll(SacredImporter importer, Path runs) throws IOException {
        Map<String, Run> out = new LinkedHashMap<>();
        for (Path unit : importer.units(runs)) {
            ImportResult result = importer.read(unit, Progress.NONE);
            assertEquals(List.of(), result.problems(), unit.toString());
            result.runs().forEach(r -> out.put(r.nativeId(), r));
        }
        return out;
    }

    @Test
    void mlPwsRunsImportWithTheirCurveSeedCodeAndHost() throws Exception {
        Path dir = RealData.require("sacred/manuel-rhdt__ml-pws");
        Map<String, String> before = TreeSnapshot.of(dir);
        List<Path> sources = new ArrayList<>();
        new ProjectScanner(new ImporterCatalog(List.of(importer))).scan(dir, Progress.NONE).sources()
                .forEach(s -> sources.add(s.path()));
        assertEquals(List.of(dir.resolve("runs").toAbsolutePath().normalize()), sources);
        Map<String, Run> runs = importAll(importer, dir.resolve("runs"));
        assertEquals(List.of("1", "2", "73"), new ArrayList<>(runs.keySet()));

        Run one = runs.get("1");
        assertEquals("model-size-sweep/1", one.name());
        assertEquals(RunStatus.FINISHED, one.status());
        assertEquals(Instant.parse("2024-02-08T23:02:14.620335Z"), one.startTime());
        assertEquals(Instant.parse("2024-02-08T23:03:12.616825Z"), one.endTime());
        assertEquals(10, one.params().size(), one.params().toString());
        assertEquals("data/gaussian_data.pt", one.param("dataset.filename").value().raw());
        assertEquals("0.0001", one.param("lr").value().raw());
        assertEquals("594583207", one.seeds().get(0).value());
        assertEquals("sacred.seed", one.seeds().get(0).origin());
        MetricSeries loss = one.metric("training.loss");
        assertEquals(400, loss.size());
        assertEquals(1, loss.firstStep());
        assertEquals(400, loss.lastStep());
        assertEquals(0.2630771433830261, loss.values()[0]);
        assertEquals(-0.6781838181495666, loss.last());
        assertEquals(Instant.parse("2024-02-08T23:02:17.744Z").toEpochMilli(), loss.wallTimes()[0]);
        assertEquals("git@github.com:manuel-rhdt/ml-pws.git", one.code().remote());
        assertEquals("34c5ea6bebc779115962365252593cd77b67fbec", one.code().commit());
        assertEquals(Boolean.TRUE, one.code().dirty());
        assertEquals("01-model-size.py", one.code().program());
        assertEquals(List.of("my_main"), one.code().args());
        assertEquals(Map.of("01-model-size.py", "5fabc5730bdaa41255e5a12d1a20618a"), one.code().sourceDigests());
        assertEquals("NVIDIA GeForce RTX 2080 Ti", one.environment().get(EnvironmentKeys.GPU));
        assertEquals("1", one.environment().get(EnvironmentKeys.GPU_COUNT));
        assertEquals("515.43.04", one.environment().get(EnvironmentKeys.DRIVER));
        assertEquals("3.12.1", one.environment().get(EnvironmentKeys.PYTHON));
        assertEquals("Intel(R) Xeon(R) Gold 6226 CPU @ 2.70GHz", one.environment().get(EnvironmentKeys.CPU));
        assertEquals("jupyternoteboo.data-driveninfo.src.surf-hosted.nl", one.host());
        assertEquals(List.of("numpy 1.26.3", "sacred 0.8.5", "src 0.1.0", "torch 2.2.0"),
                one.packages().stream().map(p -> p.name() + " " + p.version()).toList());
        assertEquals("--file_storage=runs", one.tags().get("sacred.options"));
        assertEquals(List.of(), one.data());
        assertTrue(one.notCaptured().contains(Facet.DATA));

        Run two = runs.get("2");
        assertEquals("233593618", two.seeds().get(0).value());
        assertEquals(List.of(new DataRef("/data/volume_2/ml-pws/data/gaussian_data.pt", "9c245717ccc76eae8c24740276bb1775",
                "run.json resources")), two.data());
        assertEquals("ae84fb7e47335dfc929c44e5f77ec080", two.code().sourceDigests().get("01-model-size.py"));
        assertEquals(-0.677419454574585, two.metric("training.loss").last());

        Run failed = runs.get("73");
        assertEquals(RunStatus.FAILED, failed.status());
        String trace = failed.tags().get("sacred.fail_trace");
        assertTrue(trace.startsWith("Traceback (most recent call last):\n"), trace);
        assertTrue(trace.endsWith("TypeError: hidden_size should be of type int, got: float"), trace);
        assertEquals("5.9937672665305074e+26", failed.param("hidden_size").value().raw());
        assertEquals("48.0", failed.param("layers").value().raw());
        assertEquals("epochs=2000 hidden_size=5.9937672665305074e+26 layers=48.0 model=LSTM",
                failed.tags().get("sacred.config_updates"));
        assertEquals(List.of(), failed.metrics(), "metrics.json holds {}");
        assertTrue(failed.notCaptured().contains(Facet.METRICS));
        assertEquals(List.of("cout.txt"), failed.artifacts());
        assertEquals(before, TreeSnapshot.of(dir), "nothing in the folder was written");
    }

    @Test
    void uncertaintyQualityOldLayoutImportsWhatItHas() throws Exception {
        Path runsDir = RealData.require("sacred/ramon-oliveira__uncertainty-quality/runs");
        Map<String, Run> runs = importAll(importer, runsDir);
        assertEquals(List.of("1", "28", "29", "34", "42", "43"), new ArrayList<>(runs.keySet()));
        runs.values().forEach(r -> assertFalse(r.truncated(), r.nativeId()));

        assertEquals(0.9941, runs.get("1").metric("accuracy_test").last());
        assertEquals(List.of("keras", "numpy", "sacred", "scipy", "sklearn", "tensorflow", "tqdm", "xgboost"),
                runs.get("1").packages().stream().map(PackageRef::name).toList());
        assertEquals("0.7b3", runs.get("1").packages().get(2).version());

        Run r28 = runs.get("28");
        Run r29 = runs.get("29");
        Run r34 = runs.get("34");
        assertEquals(r28.params(), r29.params());
        assertEquals(r28.params(), r34.params());
        for (Run r : List.of(r28, r29, r34)) {
            assertEquals("1337", r.seeds().get(0).value());
            assertEquals("dl-01", r.host());
            assertEquals("GeForce GTX 980", r.environment().get(EnvironmentKeys.GPU));
            assertEquals("2", r.environment().get(EnvironmentKeys.GPU_COUNT));
            assertEquals("dataset_settings.name=cifar100", r.tags().get("sacred.config_updates"));
            assertNull(r.tags().get("sacred.repositories"), "the one repository is listed once per source file");
            assertEquals(5, r.code().sourceDigests().size());
        }
        assertEquals("c823ad4fca12539e5cb1b80c451e30537e18b911", r28.code().commit());
        assertEquals("8ce0e13e9205bbe52dbede166993e3564663f7ab", r29.code().commit());
        assertEquals(Boolean.FALSE, r29.code().dirty());
        assertEquals(Boolean.TRUE, r34.code().dirty());
        assertEquals(0.6275, r28.metric("evaluations[0].accuracy_test").last());
        assertEquals(0.4864, r29.metric("evaluations[0].accuracy_test").last());
        assertEquals(0.5686, r34.metric("evaluations[0].accuracy_test").last());
        assertEquals(1, r28.metric("evaluations[0].accuracy_test").size());
        assertTrue(r28.params().stream().noneMatch(p -> p.value().raw().length() > 200), "no payload in parameters");

        Run r43 = runs.get("43");
        assertEquals(RunStatus.FAILED, r43.status());
        assertTrue(r43.tags().get("sacred.fail_trace").endsWith("NameError: name 'classes' is not defined"));
        assertEquals("roliveira", r43.host());
        assertEquals("3.6.2", r43.environment().get(EnvironmentKeys.PYTHON));
        assertEquals("GeForce GTX 1050 Ti", r43.environment().get(EnvironmentKeys.GPU));
        assertEquals("cfg_motorola_battery", r43.tags().get("sacred.named_configs"));
        assertNull(r43.code().remote(), "experiment.repositories is empty");
        assertEquals("45fea958dc4ee13943ccc0c3048effa5", r43.code().sourceDigests().get("run.py"));
        assertTrue(r43.notCaptured().contains(Facet.CODE_STATE));
        assertTrue(r43.notCaptured().contains(Facet.METRICS), "info.json holds an empty evaluations list");
        assertTrue(runs.get("42").tags().get("sacred.fail_trace").contains("TypeError"));
    }
}
