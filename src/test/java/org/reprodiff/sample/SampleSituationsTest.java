package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four designed situations of the sample project, checked on the files as an importer would read them. */
class SampleSituationsTest {

    @TempDir
    static Path temp;
    private static final Map<String, Path> RUNS = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        Path mlruns = temp.resolve("mlruns");
        SampleProjectGenerator.generate(mlruns);
        try (Stream<Path> metas = Files.walk(mlruns, 4)) {
            for (Path meta : (Iterable<Path>) metas.filter(p -> p.getFileName().toString().equals("mlflow.runName"))
                    ::iterator) {
                RUNS.put(Files.readString(meta), meta.getParent().getParent());
            }
        }
        assertEquals(10, RUNS.size(), "runs: " + RUNS.keySet());
    }

    @Test
    void rerunsHaveByteIdenticalMetricValuesAndDifferOnlyInIdsNamesAndTimes() throws IOException {
        Path a = RUNS.get("baseline-a");
        Path b = RUNS.get("baseline-b-rerun");
        for (String key : SampleProjectGenerator.METRIC_KEYS) {
            // "<timestamp> <value> <step>": value and step columns equal byte for byte; wall times differ
            assertEquals(valueAndStepColumns(a, key), valueAndStepColumns(b, key), key);
            assertNotEquals(Files.readString(metric(a, key)), Files.readString(metric(b, key)), key);
        }
        assertEquals(SampleProjectGeneratorTest.tree(a.resolve("params")).keySet(),
                SampleProjectGeneratorTest.tree(b.resolve("params")).keySet());
        SampleProjectGeneratorTest.assertSameTree(SampleProjectGeneratorTest.tree(a.resolve("params")),
                SampleProjectGeneratorTest.tree(b.resolve("params")));
        for (String same : List.of("tags/mlflow.source.git.commit", "artifacts/model/requirements.txt",
                "artifacts/model/conda.yaml", "artifacts/model/python_env.yaml")) {
            assertEquals(Files.readString(a.resolve(same)), Files.readString(b.resolve(same)), same);
        }
    }

    @Test
    void anotherSeedChangesTheCurvesFromStepZeroButNotTheOutcome() throws IOException {
        Path s1 = RUNS.get("seed-sweep-s1");
        Path s2 = RUNS.get("seed-sweep-s2");
        assertEquals(0, firstDifferentStep(s1, s2, "val/loss"));
        assertEquals(0, firstDifferentStep(s1, s2, "train/loss"));
        assertEquals("1", Files.readString(s1.resolve("params/seed")));
        assertEquals("2", Files.readString(s2.resolve("params/seed")));
        double finalA = lastValue(s1, "val/accuracy");
        double finalB = lastValue(s2, "val/accuracy");
        assertTrue(Math.abs(finalA - finalB) < 0.02, finalA + " vs " + finalB);
        assertTrue(finalA > 0.8, "accuracy should rise to above 0.8, got " + finalA);
    }

    @Test
    void cudaBuildChangePartsTheCurvesAtTheDesignedStep() throws IOException {
        Path cu118 = RUNS.get("torch-2.1.0-cu118");
        Path cu121 = RUNS.get("torch-2.1.2-cu121");
        for (String key : SampleProjectGenerator.METRIC_KEYS) {
            assertEquals(SampleProjectGenerator.NUMERICS_CHANGE_STEP, firstDifferentStep(cu118, cu121, key), key);
        }
        assertEquals(420, SampleProjectGenerator.NUMERICS_CHANGE_STEP);
        SampleProjectGeneratorTest.assertSameTree(SampleProjectGeneratorTest.tree(cu118.resolve("params")),
                SampleProjectGeneratorTest.tree(cu121.resolve("params")));
        assertTrue(Files.readAllLines(cu118.resolve("artifacts/model/requirements.txt")).contains("torch==2.1.0+cu118"));
        assertTrue(Files.readAllLines(cu121.resolve("artifacts/model/requirements.txt")).contains("torch==2.1.2+cu121"));
        assertTrue(Files.readString(cu118.resolve("artifacts/model/conda.yaml")).contains("  - torch==2.1.0+cu118\n"));
        assertTrue(Files.readString(cu121.resolve("artifacts/model/conda.yaml")).contains("  - torch==2.1.2+cu121\n"));
        assertTrue(Files.readString(cu118.resolve("tags/mlflow.log-model.history"))
                .contains("\"pytorch_version\": \"2.1.0+cu118\""));
        assertTrue(Files.readString(cu121.resolve("artifacts/model/MLmodel"))
                .contains("    pytorch_version: 2.1.2+cu121\n"));
    }

    @Test
    void changedLearningRateIsTheOnlyParameterDifferenceAndPartsTheCurvesEarly() throws IOException {
        Path slow = RUNS.get("lr-0.001");
        Path fast = RUNS.get("lr-0.003");
        Map<String, byte[]> a = SampleProjectGeneratorTest.tree(slow.resolve("params"));
        Map<String, byte[]> b = SampleProjectGeneratorTest.tree(fast.resolve("params"));
        assertEquals(a.keySet(), b.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : a.keySet()) {
            if (!new String(a.get(k)).equals(new String(b.get(k)))) {
                differing.add(k + "=" + new String(a.get(k)) + "/" + new String(b.get(k)));
            }
        }
        assertEquals(List.of("lr=0.001/0.003"), differing);
        // step 0 is logged before the first update, so the learning rate shows from step 1
        assertEquals(1, firstDifferentStep(slow, fast, "val/loss"));
        assertEquals(1, firstDifferentStep(slow, fast, "train/loss"));
    }

    @Test
    void divergedRunFailedWithInfinityThenNaN() throws IOException {
        Path run = RUNS.get("lr-0.03-diverged");
        assertTrue(Files.readAllLines(run.resolve("meta.yaml")).contains("status: 4"));
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(metric(run, "train/loss"))) {
            values.add(line.split(" ")[1]);
        }
        assertTrue(values.size() < SampleProjectGenerator.STEPS);
        int inf = values.indexOf("inf");
        assertTrue(inf > 0, "no inf in " + values);
        assertTrue(values.subList(inf + 1, values.size()).stream().allMatch("nan"::equals));
        assertTrue(Files.notExists(run.resolve("artifacts/model")), "a crashed run logs no model");
    }

    private static Path metric(Path run, String key) {
        return run.resolve("metrics").resolve(key);
    }

    private static List<String> valueAndStepColumns(Path run, String key) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metric(run, key))) {
            out.add(line.substring(line.indexOf(' ') + 1));
        }
        return out;
    }

    /** The first step whose value text differs (bitwise, since Python's repr is exact), or -1. */
    private static int firstDifferentStep(Path a, Path b, String key) throws IOException {
        List<String> x = valueAndStepColumns(a, key);
        List<String> y = valueAndStepColumns(b, key);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            assertEquals(x.get(i).split(" ")[1], y.get(i).split(" ")[1], "steps out of line");
            if (!x.get(i).equals(y.get(i))) {
                return Integer.parseInt(x.get(i).split(" ")[1]);
            }
        }
        return -1;
    }

    private static double lastValue(Path run, String key) throws IOException {
        List<String> lines = Files.readAllLines(metric(run, key));
        return Double.parseDouble(lines.get(lines.size() - 1).split(" ")[1]);
    }
}
