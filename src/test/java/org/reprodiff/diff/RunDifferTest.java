package org.reprodiff.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;

/** Direct tests of what the golden cases under {@code fixtures/diff} do not show well. */
class RunDifferTest {

    private final RunDiffer differ = new RunDiffer();

    private static Run.Builder run(String format, String id) {
        return Run.builder(format, "/runs/" + id, id);
    }

    private static MetricSeries accuracy(double... values) {
        MetricSeries.Builder b = new MetricSeries.Builder("accuracy");
        for (int i = 0; i < values.length; i++) {
            b.add(i, values[i], MetricSeries.NO_TIME);
        }
        return b.build();
    }

    @Test
    void twinKeyIsEqualForRunsDifferingOnlyInSeedAndRunName() {
        Run a = run("wandb", "a").param("lr", ParamValue.number(0.1, "0.1")).param("seed", ParamValue.number(1, "1"))
                .param("run_name", ParamValue.string("first")).build();
        Run b = run("wandb", "b").param("lr", ParamValue.number(0.1, "0.1")).param("seed", ParamValue.number(2, "2"))
                .param("run_name", ParamValue.string("second")).build();

        assertNotNull(TwinKey.of(a));
        assertEquals(TwinKey.of(a), TwinKey.of(b));
    }

    @Test
    void twinKeyDiffersWhenARealParameterDiffers() {
        Run a = run("wandb", "a").param("lr", ParamValue.number(0.1, "0.1")).build();
        Run b = run("wandb", "b").param("lr", ParamValue.number(0.2, "0.2")).build();

        assertNotEquals(TwinKey.of(a), TwinKey.of(b));
    }

    @Test
    void twinKeyDiffersWhenTheProgramDiffers() {
        CodeState train = new CodeState(null, null, null, null, null, "train.py", List.of(), null);
        CodeState finetune = new CodeState(null, null, null, null, null, "finetune.py", List.of(), null);
        Run a = run("wandb", "a").param("lr", ParamValue.number(0.1, "0.1")).code(train).build();
        Run b = run("wandb", "b").param("lr", ParamValue.number(0.1, "0.1")).code(finetune).build();

        assertNotEquals(TwinKey.of(a), TwinKey.of(b));
    }

    @Test
    void runWithoutParametersHasNoTwinKey() {
        assertNull(TwinKey.of(run("tensorboard", "a").metric(accuracy(0.5)).build()));
    }

    @Test
    void runWithOnlySeedAndBookkeepingHasNoTwinKey() {
        Run r = run("wandb", "a").param("seed", ParamValue.number(3, "3"))
                .param("run_name", ParamValue.string("x")).build();

        assertNull(TwinKey.of(r));
    }

    @Test
    void twinKeyReadsMlflowTextByMeaning() {
        Run mlflow = run("mlflow", "a").param("lr", ParamValue.fromText("0.1")).build();
        Run typed = run("wandb", "b").param("lr", ParamValue.number(0.1, "0.1")).build();

        assertEquals(TwinKey.of(mlflow), TwinKey.of(typed));
    }

    @Test
    void seedSpreadNeedsThreeTwinsWithTheMetric() {
        Run a = run("wandb", "a").param("seed", ParamValue.number(0, "0")).metric(accuracy(0.9)).build();
        Run b = run("wandb", "b").param("seed", ParamValue.number(3, "3")).metric(accuracy(0.93)).build();
        Run twin = run("wandb", "t").param("seed", ParamValue.number(1, "1")).metric(accuracy(0.95)).build();
        Run twinWithoutMetric = run("wandb", "u").param("seed", ParamValue.number(2, "2")).build();

        assertNull(differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a, twin)).metrics().get(0).spread());
        assertNull(differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a, twin, twinWithoutMetric))
                .metrics().get(0).spread());
    }

    @Test
    void seedSpreadBoundaryIsInclusive() {
        // twins end at 0.5, 0.75 and 1.0 (spread 0.5); A = 0.5, B = 1.0: |Δ| = 0.5 = max − min, inside
        Run a = run("wandb", "a").param("seed", ParamValue.number(0, "0")).metric(accuracy(0.5)).build();
        Run b = run("wandb", "b").param("seed", ParamValue.number(3, "3")).metric(accuracy(1.0)).build();
        Run t1 = run("wandb", "t1").param("seed", ParamValue.number(1, "1")).metric(accuracy(0.75)).build();
        Run t2 = run("wandb", "t2").param("seed", ParamValue.number(2, "2")).metric(accuracy(1.0)).build();

        SeedSpread s = differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a, t1, t2)).metrics().get(0).spread();

        assertEquals(new SeedSpread(3, 0.5, 1.0, true), s);
    }

    @Test
    void seedsCompareNumerically() {
        Run a = run("wandb", "a").param("seed", ParamValue.number(42, "42")).metric(accuracy(0.9)).build();
        Run b = run("mlflow", "b").param("seed", ParamValue.fromText("42.0")).metric(accuracy(0.9)).build();

        Comparison c = differ.compare(a, b, DiffOptions.DEFAULTS, List.of());

        assertEquals(1, c.seeds().equal());
        assertTrue(c.causes().isEmpty());
        assertEquals(Verdict.REPRODUCED, c.verdict());
    }

    @Test
    void verdictFollowsInputsAndOutputs() {
        assertEquals(Verdict.REPRODUCED, Verdict.of(false, false));
        assertEquals(Verdict.NONDETERMINISTIC, Verdict.of(false, true));
        assertEquals(Verdict.EXPLAINED, Verdict.of(true, true));
        assertEquals(Verdict.ROBUST, Verdict.of(true, false));
    }

    @Test
    void singleStarIgnoreGlobStaysWithinOneSegment() {
        ExpectedDifferences rules = new ExpectedDifferences(List.of("trainer.*", "model.**.dropout"));

        assertNotNull(rules.reason("trainer.max_epochs"));
        assertNull(rules.reason("trainer.logger.name"));
        assertNotNull(rules.reason("model.encoder.layer1.dropout"));
        assertNull(rules.reason("model.dropout_rate"));
    }

    @Test
    void suspectsAreOnlyGivenForNondeterministicRuns() {
        Run a = run("wandb", "a").param("lr", ParamValue.number(0.1, "0.1")).metric(accuracy(0.9)).build();
        Run b = run("wandb", "b").param("lr", ParamValue.number(0.2, "0.2")).metric(accuracy(0.8)).build();

        Comparison c = differ.compare(a, b, DiffOptions.DEFAULTS, List.of());

        assertEquals(Verdict.EXPLAINED, c.verdict());
        assertTrue(c.suspects().isEmpty());
    }

    @Test
    void fixtureKeepsTheNumberLiteralAsRawTextAndTypesMlflowText() throws IOException {
        Run typed = RunFixture.parse("{\"format\":\"hydra\",\"nativeId\":\"x\",\"params\":{\"lr\":1e-3,\"l\":[1,\"a\"]}}", "t");
        Run mlflow = RunFixture.parse("{\"format\":\"mlflow\",\"nativeId\":\"y\",\"params\":{\"amp\":\"True\"}}", "m");

        assertEquals("1e-3", typed.param("lr").value().raw());
        assertEquals(0.001, typed.param("lr").value().number());
        assertEquals("[1, \"a\"]", typed.param("l").value().raw());
        assertEquals(ParamValue.Type.BOOL, mlflow.param("amp").value().type());
        assertFalse(typed.notCaptured().isEmpty());
    }

    @Test
    void packagesListedByOneRunOnlyAreExpectedNotCauses() {
        Run a = run("mlflow", "a").packageRef(new PackageRef("torch", "2.1.0", null, "pip", "requirements.txt"))
                .packageRef(new PackageRef("numpy", "1.26.0", null, "pip", "requirements.txt")).build();
        Run b = run("mlflow", "b").build();
        Comparison c = differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a));
        assertTrue(c.causes().isEmpty(), c.causes().toString());
        assertFalse(c.packages().differs());
        assertEquals(List.of("numpy", "torch"), c.packages().expected().stream().map(Difference::key).sorted().toList());
        assertEquals("recorded for A only", c.packages().expected().get(0).note());
    }
}
