package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;

/**
 * The real file stores in {@code ../shared/realdata/mlflow_mlruns}, read in place: sources are found the way the
 * project scanner finds them (top-down, not below a claimed folder). The facts asserted were counted in the
 * files with shell tools.
 */
class MlflowFileStoreRealDataTest {
    private static final MlflowFileStoreImporter IMPORTER = new MlflowFileStoreImporter();
    private static Path root;
    private static List<Path> sources;
    private static Map<String, Run> runs;
    private static Map<String, Path> sourceOfRun;
    private static List<ImportProblem> problems;

    @BeforeAll
    static void readAll() throws IOException {
        root = RealData.require("mlflow_mlruns");
        sources = new ArrayList<>();
        walk(root, sources);
        runs = new TreeMap<>();
        sourceOfRun = new TreeMap<>();
        problems = new ArrayList<>();
        for (Path source : sources) {
            for (Path unit : IMPORTER.units(source)) {
                ImportResult result = IMPORTER.read(unit, Progress.NONE);
                problems.addAll(result.problems());
                for (Run run : result.runs()) {
                    runs.put(run.nativeId(), run);
                    sourceOfRun.put(run.nativeId(), source);
                }
            }
        }
    }

    /** Asks canRead of every folder top-down and does not go below a claimed folder, like the scanner. */
    private static void walk(Path dir, List<Path> found) throws IOException {
        if (IMPORTER.canRead(dir)) {
            found.add(dir);
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir,
                p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
            stream.forEach(children::add);
        }
        children.sort(null);
        for (Path child : children) {
            walk(child, found);
        }
    }

    @Test
    void findsTheFourStoresIncludingTheRenamedOne() {
        List<String> names = sources.stream().map(s -> MlflowFileStoreImporterTest.slashed(root.relativize(s))).toList();
        assertEquals(List.of("10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns",
                "11sleahy__MLFlow_Framework/mlruns", "11sleahy__MLFlow_Framework/z_mlruns",
                "1ayham1__genre_classification/mlruns"), names);
    }

    @Test
    void readsEveryRunOfEveryStore() {
        assertEquals(92, runs.size());
        assertEquals(54, countUnder("11sleahy__MLFlow_Framework"));
        assertEquals(37, countUnder("1ayham1__genre_classification"));
        assertEquals(1, countUnder("10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text"));
    }

    @Test
    void countsFailedRuns() {
        assertEquals(15, runs.values().stream().filter(r -> r.status() == RunStatus.FAILED).count());
        assertEquals(77, runs.values().stream().filter(r -> r.status() == RunStatus.FINISHED).count());
    }

    @Test
    void reportsNoProblemOnTheseFiles() {
        assertEquals(List.of(), problems);
    }

    @Test
    void readsTheKerasAutologRunOfTheOldFormat() {
        Run run = runs.get("ed05f9cd599442fe9a0c9222184710b8");
        assertNotNull(run);
        assertEquals("Speech model simple rnn", run.experiment());
        assertEquals(20, run.params().size());
        assertEquals("SGD", run.param("opt_name").value().raw());
        assertNull(run.name(), "meta.yaml has name '' and there is no mlflow.runName tag");
        assertEquals("Maelaf ES", run.user());
        MetricSeries loss = run.metric("loss");
        assertEquals(10, loss.size());
        assertEquals(9, loss.lastStep());
        assertEquals(234.7978057861328, loss.last());
        assertEquals(1628697792090L, loss.wallTimes()[0]);
        assertEquals("3.8.8", run.environment().get(EnvironmentKeys.PYTHON));
        assertTrue(run.packages().contains(new PackageRef("tensorflow", "2.5.1", null, "pip", "model/requirements.txt")));
        assertTrue(run.packages().contains(new PackageRef("mlflow", null, null, "pip", "model/requirements.txt")));
        assertTrue(run.artifacts().contains("tensorboard_logs/train/plugins/profile/2021_08_11_16_03_07/DESKTOP-V1DB051.kernel_stats.pb"));
    }

    @Test
    void readsTheSklearnRunWithItsModelEnvironment() {
        Run run = runs.get("03a1d0e574124b17ac644f470869cde8");
        assertNotNull(run);
        assertEquals("unique-shrimp-60", run.name());
        assertEquals("Default", run.experiment());
        assertEquals("a2cb526d5f3a70723b31db6e6eec6a7550800a5d", run.code().commit());
        assertEquals("3.11.2", run.environment().get(EnvironmentKeys.PYTHON));
        assertTrue(run.packages().contains(new PackageRef("scikit-learn", "1.3.1", null, "pip", "model/requirements.txt")));
        assertTrue(run.packages().contains(new PackageRef("pip", null, "<=23.1.2", "conda", "model/conda.yaml")));
        assertEquals("0.5", run.param("alpha").value().raw());
        assertEquals(0.7931640229276851, run.metric("rmse").last());
        assertEquals(List.of("model/MLmodel", "model/conda.yaml", "model/python_env.yaml", "model/requirements.txt"),
                run.artifacts());
    }

    @Test
    void readsTheMlflowProjectRunsOfTheOldFormatWithoutMetrics() {
        Run run = runs.get("000ffb108fda4c8b923cc3a6f7f4b197");
        assertNotNull(run);
        assertEquals(6, run.params().size());
        assertEquals(List.of(), run.metrics());
        assertEquals("9740abf1973478067cca523c20d83b5e7aed0fd1", run.code().commit());
        assertEquals("https://github.com/1ayham1/genre_classification.git", run.code().remote());
        assertEquals(List.of("main"), run.code().args());
    }

    private long countUnder(String repo) {
        return sourceOfRun.values().stream().filter(s -> s.startsWith(root.resolve(repo))).count();
    }
}
