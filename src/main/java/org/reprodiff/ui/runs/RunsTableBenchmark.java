package org.reprodiff.ui.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.ui.common.SameThreadRunner;

/**
 * Measures the runs view model on a 10,000-run project (not a test): opening it (extracting the sort and filter
 * keys and building the sources tree), sorting by every column both ways, and filtering, each as the median of
 * several repetitions after a warm-up, in ms. Goal: sort ≤ 100 ms. The rows are synthetic (seeded), with three
 * formats, twin groups of five and three metrics. Usage:
 * {@code java -Xmx512m -cp target/reprodiff.jar org.reprodiff.ui.runs.RunsTableBenchmark [RUNS] [REPETITIONS]}
 */
public final class RunsTableBenchmark {
    private static final String[] FORMATS = {"mlflow", "wandb", "tensorboard"};
    private static final String[] WORDS = {"baseline", "sweep", "ablation", "lr", "seed", "resnet", "vit", "bert"};
    private static final String[] METRICS = {"val/loss", "val/accuracy", "train/loss"};

    private RunsTableBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Random random = new Random(42);
        List<RunSummary> rows = new ArrayList<>(runs);
        Map<Long, Map<String, Double>> finals = new HashMap<>();
        for (int i = 1; i <= runs; i++) {
            String format = FORMATS[i % FORMATS.length];
            String name = WORDS[random.nextInt(WORDS.length)] + "-" + i;
            Instant start = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000));
            Instant end = random.nextInt(20) == 0 ? null : start.plusSeconds(60 + random.nextInt(36_000));
            rows.add(new RunSummary(i, format, Long.toHexString(random.nextLong()), name, "exp-" + random.nextInt(40),
                    RunStatus.values()[random.nextInt(4)], "/bench/" + format + "/exp-" + (i % 40) + "/run-" + i,
                    start, end, 20, List.of(METRICS), false, false, "twin-" + (i / 5)));
            Map<String, Double> values = new HashMap<>();
            for (String m : METRICS) {
                values.put(m, random.nextDouble());
            }
            finals.put((long) i, values);
        }
        RunsBackend backend = new RunsBackend() {
            @Override
            public ImportReport importFolder(Path folder, Progress progress) {
                return new ImportReport(Map.of(), List.of());
            }

            @Override
            public List<RunSummary> list() {
                return rows;
            }

            @Override
            public Map<String, Double> finalValues(long runId) {
                return finals.get(runId);
            }
        };
        RunsViewModel model = new RunsViewModel(backend, new SameThreadRunner(), System::nanoTime);
        model.metricColumns().setAll("val/loss", "val/accuracy");
        System.out.printf("%,d runs, median of %d repetitions after %d warm-up runs%n", runs, reps, reps);
        report("open (keys, tree, twin spreads)", reps, () -> model.open(Path.of("/bench")));
        List<SortKey> keys = new ArrayList<>();
        for (SortKey.Column c : SortKey.Column.values()) {
            if (c != SortKey.Column.METRIC) {
                keys.add(SortKey.of(c));
            }
        }
        keys.add(SortKey.metric("val/loss"));
        keys.add(SortKey.metric("val/accuracy"));
        for (SortKey key : keys) {
            String label = key.metric() == null ? key.column().name().toLowerCase() : key.metric();
            report("sort by " + label + " ascending", reps, () -> model.sort(key, true));
            report("sort by " + label + " descending", reps, () -> model.sort(key, false));
        }
        model.sort(null, true);
        for (String text : List.of("s", "sweep", "sweep 12", "tensorboard exp-3", "no-such-run")) {
            report("filter \"" + text + "\" (" + count(model, text) + " rows)", reps, () -> {
                model.filterProperty().set("");
                model.filterProperty().set(text);
            });
        }
    }

    private static int count(RunsViewModel model, String text) {
        model.filterProperty().set(text);
        int n = model.rows().size();
        model.filterProperty().set("");
        return n;
    }

    private static void report(String what, int reps, Runnable work) {
        for (int i = 0; i < reps; i++) {
            work.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("  %-44s %8.2f ms (min %.2f, max %.2f)%n", what, ms[reps / 2], ms[0], ms[reps - 1]);
    }
}
