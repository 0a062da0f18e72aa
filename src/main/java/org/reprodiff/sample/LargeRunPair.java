package org.reprodiff.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded pair of runs for the diff benchmark: run A and run B with {@code params} parameters (keys
 * {@code groupG.paramI}, random doubles) and {@code packages} pip requirements ({@code package-I==1.x.0}). B
 * differs from A in every 50th parameter (the value doubled) and every 10th package (patch version 1).
 *
 * <p>Invariants: the content is a function of the seed and the sizes only. The pair is written as an MLflow file
 * store of two runs named {@code bench-a} and {@code bench-b} (the packages as the pip requirements of a logged
 * model), and each run can be dumped as sorted {@code key=value} / {@code name==version} lines, the input of a
 * text diff of the same facts.
 */
public final class LargeRunPair {
    /** The names of the two runs in the store. */
    public static final String NAME_A = "bench-a";
    public static final String NAME_B = "bench-b";

    private final Map<String, String> paramsA = new LinkedHashMap<>();
    private final Map<String, String> paramsB = new LinkedHashMap<>();
    private final List<String> packagesA = new ArrayList<>();
    private final List<String> packagesB = new ArrayList<>();

    public LargeRunPair(int params, int packages, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < params; i++) {
            String key = "group" + (i % 100) + ".param" + i;
            double v = random.nextDouble();
            paramsA.put(key, Double.toString(v));
            paramsB.put(key, Double.toString(i % 50 == 0 ? v * 2 : v));
        }
        for (int i = 0; i < packages; i++) {
            packagesA.add("package-" + i + "==1." + (i % 9) + ".0");
            packagesB.add("package-" + i + "==1." + (i % 9) + (i % 10 == 0 ? ".1" : ".0"));
        }
    }

    /** How many parameters and packages of B differ from A's. */
    public int changedParams() {
        return (paramsA.size() + 49) / 50;
    }

    public int changedPackages() {
        return (packagesA.size() + 9) / 10;
    }

    /** Writes both runs as an MLflow file store at {@code project/mlruns}. */
    public void writeMlflowStore(Path project) throws IOException {
        MlflowFileStoreWriter writer = new MlflowFileStoreWriter(project.resolve("mlruns"));
        writer.createStore("file:///bench/mlruns", 0);
        writer.writeExperiment(new MlflowFileStoreWriter.Experiment("1", "bench", "file:///bench/mlruns/1", 0, 0));
        writer.writeRun(run(NAME_A, "a", paramsA, packagesA));
        writer.writeRun(run(NAME_B, "b", paramsB, packagesB));
    }

    /** Writes run A's ({@code b == false}) or B's facts as sorted lines: parameters first, then packages. */
    public void writeSortedDump(boolean b, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(b ? paramsB : paramsA).forEach((k, v) -> lines.add("param " + k + "=" + v));
        (b ? packagesB : packagesA).stream().sorted().forEach(p -> lines.add("package " + p));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static MlflowFileStoreWriter.Run run(String name, String id, Map<String, String> params, List<String> packages) {
        String runId = id.repeat(32);
        MlflowFileStoreWriter.PytorchModel model = new MlflowFileStoreWriter.PytorchModel("model", "2024-01-01 00:00:00.000000",
                runId, "2.8.1", "3.11.7", "2.1.0", 1, "23.3.1", List.of("pip==23.3.1"), packages);
        return new MlflowFileStoreWriter.Run("1", runId, name, "bench", 0, 1000L, MlflowFileStoreWriter.FINISHED,
                "file:///bench/mlruns/1/" + runId + "/artifacts", new MlflowFileStoreWriter.Source("train.py", "LOCAL", null),
                params, Map.of(), List.of(), model);
    }
}
