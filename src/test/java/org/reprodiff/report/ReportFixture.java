package org.reprodiff.report;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.StoredRun;

/**
 * Two runs made by hand for the report tests: A with lr 0.001, B with lr 0.003; both log {@code train/loss} and
 * {@code val/accuracy} for 500 steps, B's loss parting from A's at step 300. Each test can add to either run.
 */
final class ReportFixture {
    static final Instant GENERATED = Instant.parse("2024-05-01T12:00:00Z");
    static final String VERSION = "0.0.0-test";

    private ReportFixture() {
    }

    static Run.Builder run(String name, String lr, boolean diverge) {
        Run.Builder b = Run.builder("mlflow", "/runs/" + name, "id-" + name).name(name).experiment("cifar10")
                .status(RunStatus.FINISHED).user("demo")
                .startTime(Instant.parse("2024-04-30T08:00:00Z")).endTime(Instant.parse("2024-04-30T09:30:00Z"))
                .param("lr", ParamValue.fromText(lr)).param("batch_size", ParamValue.fromText("128"))
                .param("seed", ParamValue.fromText("7")).param("optimizer.name", ParamValue.fromText("adamw"))
                .code(new CodeState("git@example.org:team/model.git", "0123456789abcdef", "main", false, null, "train.py",
                        List.of("--epochs", "5"), null))
                .environment("python", "3.10.12").environment("os", "Linux")
                .packageRef(new PackageRef("torch", "2.1.0", null, "pip", "requirements.txt"))
                .packageRef(new PackageRef("numpy", "1.26.4", null, "pip", "requirements.txt"));
        MetricSeries.Builder loss = new MetricSeries.Builder("train/loss");
        MetricSeries.Builder acc = new MetricSeries.Builder("val/accuracy");
        for (int step = 0; step < 500; step++) {
            double v = 2.0 * StrictMath.exp(-step / 80.0) + 0.1;
            if (diverge && step >= 300) {
                v += 0.01 * StrictMath.sin(step);
            }
            loss.add(step, v, 1_714_464_000_000L + step * 1000L);
            acc.add(step, 0.9 - 0.8 * StrictMath.exp(-step / 60.0), 1_714_464_000_000L + step * 1000L);
        }
        return b.metric(loss.build()).metric(acc.build());
    }

    static ComparedRuns compared(Consumer<Run.Builder> editA, Consumer<Run.Builder> editB) {
        Run.Builder a = run("lr-0.001", "0.001", false);
        Run.Builder b = run("lr-0.003", "0.003", true);
        editA.accept(a);
        editB.accept(b);
        return compare(a.build(), b.build());
    }

    static ComparedRuns compared() {
        return compared(a -> { }, b -> { });
    }

    static ComparedRuns compare(Run a, Run b) {
        return new ComparedRuns(new StoredRun(1, a), new StoredRun(2, b), new RunDiffer().compare(a, b, DiffOptions.DEFAULTS, List.of()));
    }

    static Report report(ComparedRuns compared) {
        return new Report(compared, GENERATED, VERSION);
    }
}
