package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * W&B's own fixtures ({@code ../shared/realdata/fixtures/wandb__wandb}): the 11 synthesized compat logs of
 * {@code tests/assets/compat_logs} (old and new step shapes, resume and shared mode, bad step types, no history,
 * flat keys) and the real 2021 offline run. The expected steps follow W&B's {@code goldenCorpus} records
 * ({@code core/internal/transactionlogtest/golden_test.go}) and its {@code HistoryStepTracker}; every value was
 * also checked in the bytes with a separate Python decoder.
 */
class WandbCompatLogsTest {
    private static final WandbImporter IMPORTER = new WandbImporter();
    private static Path root;
    private static Map<String, Run> runs;
    private static Map<String, List<ImportProblem>> problems;
    private static Map<String, String> before;

    @BeforeAll
    static void readAll() throws IOException {
        root = RealData.require("fixtures/wandb__wandb");
        before = TreeSnapshot.of(root);
        List<Path> sources = new ArrayList<>();
        WandbRealDataTest.walk(root, sources);
        runs = new TreeMap<>();
        problems = new TreeMap<>();
        for (Path source : sources) {
            ImportResult result = IMPORTER.read(source, Progress.NONE);
            for (Run run : result.runs()) {
                runs.put(run.nativeId(), run);
                problems.put(run.nativeId(), result.problems());
            }
        }
    }

    @Test
    void findsTheElevenCompatLogsAndTheOfflineRun() {
        assertEquals(List.of("g9dvvkua", "new_auto_steps", "new_explicit_steps", "new_resume_mode", "new_shared_mode",
                "old_auto_steps", "old_auto_steps_flat_keys", "old_bad_step_types", "old_explicit_steps",
                "old_no_history", "old_resumed_run", "old_shared_mode"), List.copyOf(runs.keySet()));
    }

    @ParameterizedTest
    @CsvSource({
            "new_auto_steps, 0 1 2, 0 1 2",
            "new_explicit_steps, 0 5 10, 0 1 2",
            "new_resume_mode, 0 1 2, 0 1 2",
            "new_shared_mode, 0 1, 0 1",
            "old_auto_steps, 0 1 2, 0 1 2",
            "old_auto_steps_flat_keys, 0 1 2, 0 1 2",
            "old_explicit_steps, 0 5 10, 0 1 2",
            "old_resumed_run, 5 6 7, 0 1 2",
            "old_shared_mode, 0 1, 0 1"})
    void readsTheStepsW_BAssigns(String name, String steps, String values) {
        Run run = runs.get(name);
        MetricSeries x = run.metric("x");
        assertArrayEquals(longs(steps), x.steps(), name);
        assertArrayEquals(java.util.Arrays.stream(longs(values)).asDoubleStream().toArray(), x.values(), name);
        assertEquals(List.of("x"), run.metrics().stream().map(MetricSeries::key).toList(), "_step is not a metric");
        assertEquals(RunStatus.FINISHED, run.status());
        assertFalse(run.truncated());
        assertTrue(problems.get(name).isEmpty(), problems.get(name).toString());
    }

    private static long[] longs(String spaced) {
        return java.util.Arrays.stream(spaced.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void badStepTypesGetAutoStepsAndOneProblemEach() {
        Run run = runs.get("old_bad_step_types");
        assertTrue(run.metrics().isEmpty());
        List<ImportProblem> p = problems.get("old_bad_step_types");
        assertEquals(List.of("byte 54", "byte 78", "byte 102", "byte 127", "byte 152", "byte 180"),
                p.stream().map(ImportProblem::where).toList());
        assertTrue(p.get(0).message().contains("\"5\" is not an integer"), p.get(0).message());
        assertTrue(p.get(5).message().contains("gets step 5"), p.get(5).message());
    }

    @Test
    void aLogWithoutHistoryKeepsItsSummary() {
        Run run = runs.get("old_no_history");
        assertTrue(run.metrics().isEmpty());
        assertEquals(Map.of("score", 1.0), run.summary());
    }

    @Test
    void theNewFormatSummaryHasNoStep() {
        assertEquals(Map.of("x", 2.0), runs.get("new_auto_steps").summary());
        assertEquals(10.0, runs.get("new_explicit_steps").summary().get("_step"));
    }

    @Test
    void aCompatLogReadAsABareFileGivesTheSameRun() {
        Path file = root.resolve("tests/assets/compat_logs/synthesized/offline-run-old_resumed_run/run-old_resumed_run.wandb");
        assertTrue(IMPORTER.canRead(file));
        Run bare = IMPORTER.read(file, Progress.NONE).runs().get(0);
        assertEquals("old_resumed_run", bare.nativeId());
        assertArrayEquals(new long[] {5, 6, 7}, bare.metric("x").steps());
    }

    @Test
    void readsThe2021OfflineRun() {
        Run run = runs.get("g9dvvkua");
        assertEquals(RunStatus.FINISHED, run.status(), "an empty exit record: exit code 0");
        assertFalse(run.truncated());
        assertEquals("code-toad", run.experiment());
        assertEquals(Instant.parse("2021-02-16T23:44:07Z"), run.startTime());
        assertNull(run.endTime(), "the exit record holds no runtime");
        assertEquals("git@github.com:wandb/client.git", run.code().remote());
        assertEquals("86db7dc9144c87a4b41cad77a0dae2e55288b587", run.code().commit());
        assertEquals("code-toad.py", run.code().program());
        assertTrue(run.code().patch().startsWith("diff --git a/wandb/jupyter.py b/wandb/jupyter.py"));
        assertEquals(Boolean.TRUE, run.code().dirty());
        assertEquals(54, run.code().sourceDigests().size());
        assertEquals("2XCyXJrIy98yl2yQ967Wow==", run.code().sourceDigests().get("code-toad.py"));
        assertEquals("cvp", run.environment().get("host"));
        assertEquals("3.7.5", run.environment().get("python"));
        assertEquals("Darwin-20.2.0-x86_64-i386-64bit", run.environment().get("os"));
        assertEquals("16", run.environment().get("cpuCount"));
        assertEquals("0.10.20.dev1", run.environment().get("framework.wandb"));
        assertEquals("vanpelt", run.user());
        assertEquals("code/standalone_tests/code-toad.py", run.param("_wandb.code_path").value().raw());
        assertEquals("0.10.20.dev1", run.param("_wandb.cli_version").value().raw());
        assertTrue(run.packages().isEmpty(), "requirements.txt is empty");
        assertEquals(24.3, run.metric("system/cpu").last());
        assertEquals(260096.0, run.metric("system/network.sent").last());
        assertTrue(WandbRealDataTest.userMetrics(run).isEmpty());
    }

    @Test
    void leavesTheFixturesUnchanged() throws IOException {
        assertEquals(before, TreeSnapshot.of(root));
    }
}
