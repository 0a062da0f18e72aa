package org.reprodiff.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.model.Progress;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.sample.MlflowFileStoreWriter;
import org.reprodiff.sample.SampleFolder;
import org.reprodiff.service.Services;

/**
 * Measures a diff of two runs with 10,000 parameters and 1,000 packages, including loading both from the store:
 * saves a seeded pair into a fresh database, then times {@code CompareService.compare} by reference 50 times after
 * warm-up and prints the median and the best. Usage:
 * {@code java -cp target/reprodiff.jar org.reprodiff.app.DiffBenchmark}.
 */
public final class DiffBenchmark {
    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("reprodiff-diff-bench");
        try (Services services = Composition.services(work.resolve("runs.db"))) {
            ImportPair.save(services, work.resolve("project"));
            int rounds = 50;
            long[] times = new long[rounds];
            ComparedRuns last = null;
            for (int i = 0; i < 20; i++) {
                last = services.compare().compare("bench-a", "bench-b", DiffOptions.DEFAULTS);
            }
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                last = services.compare().compare("bench-a", "bench-b", DiffOptions.DEFAULTS);
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            System.out.printf("diff of 10,000 params + 1,000 packages, loading both runs from the store: median %.1f ms, best %.1f ms"
                            + " (%d param differences, %d package differences)%n",
                    times[rounds / 2] / 1e6, times[0] / 1e6, last.comparison().params().differences().size(),
                    last.comparison().packages().differences().size());
        } finally {
            SampleFolder.deleteTree(work);
        }
    }

    /** Writes the seeded pair as an MLflow store and imports it: B differs in every 50th parameter and 10th package. */
    private static final class ImportPair {
        static void save(Services services, Path project) throws Exception {
            SplittableRandom random = new SplittableRandom(7);
            Map<String, String> paramsA = new LinkedHashMap<>();
            Map<String, String> paramsB = new LinkedHashMap<>();
            for (int i = 0; i < 10_000; i++) {
                String key = "group" + (i % 100) + ".param" + i;
                double v = random.nextDouble();
                paramsA.put(key, Double.toString(v));
                paramsB.put(key, Double.toString(i % 50 == 0 ? v * 2 : v));
            }
            List<String> packagesA = new ArrayList<>();
            List<String> packagesB = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                packagesA.add("package-" + i + "==1." + (i % 9) + ".0");
                packagesB.add("package-" + i + "==1." + (i % 9) + (i % 10 == 0 ? ".1" : ".0"));
            }
            MlflowFileStoreWriter writer = new MlflowFileStoreWriter(project.resolve("mlruns"));
            writer.createStore("file:///bench/mlruns", 0);
            writer.writeExperiment(new MlflowFileStoreWriter.Experiment("1", "bench", "file:///bench/mlruns/1", 0, 0));
            writer.writeRun(run("bench-a", "a", paramsA, packagesA));
            writer.writeRun(run("bench-b", "b", paramsB, packagesB));
            services.imports().importPaths(List.of(project), Progress.NONE);
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
}
