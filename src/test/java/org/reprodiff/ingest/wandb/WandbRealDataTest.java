package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The real W&B runs in {@code ../shared/realdata/wandb} (02hyc/VQ-VAE, wandb 0.19.8; ARM-software
 * keyword-transformer, wandb 0.12.15), read in place and found the way the project scanner finds them. Every
 * fact asserted was first read from the files with a separate Python decoder of the framing and protobuf wire
 * format, and with {@code cat}/{@code grep} for {@code files/}.
 */
class WandbRealDataTest {
    private static final WandbImporter IMPORTER = new WandbImporter();
    private static Path root;
    private static Map<String, Run> runs;
    private static Map<String, List<ImportProblem>> problems;
    private static Map<String, String> before;

    @BeforeAll
    static void readAll() throws IOException {
        root = RealData.require("wandb");
        before = TreeSnapshot.of(root);
        List<Path> sources = new ArrayList<>();
        walk(root, sources);
        runs = new TreeMap<>();
        problems = new TreeMap<>();
        for (Path source : sources) {
            for (Path unit : IMPORTER.units(source)) {
                ImportResult result = IMPORTER.read(unit, Progress.NONE);
                for (Run run : result.runs()) {
                    runs.put(run.nativeId(), run);
                    problems.put(run.nativeId(), result.problems());
                }
            }
        }
    }

    /** Asks canRead of every folder and file top-down, not below a claimed folder, like the scanner. */
    static void walk(Path dir, List<Path> found) throws IOException {
        if (IMPORTER.canRead(dir)) {
            found.add(dir);
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        for (Path child : children) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                walk(child, found);
            } else if (IMPORTER.canRead(child)) {
                found.add(child);
            }
        }
    }

    @Test
    void findsTheSevenRunFolders() {
        assertEquals(List.of("1xeytjab", "2m001qbu", "2zuxwf70", "3ojed7lz", "6uznqj8h", "jefjnqy9", "x7n9fszq"),
                List.copyOf(runs.keySet()));
    }

    @Test
    void readsThePairsHistoryFromTheBinaryLog() {
        MetricSeries shortLoss = runs.get("x7n9fszq").metric("train_loss");
        assertEquals(62, shortLoss.size());
        assertEquals(0, shortLoss.firstStep());
        assertEquals(61, shortLoss.lastStep());
        assertEquals(0.7848968505859375, shortLoss.last());
        assertEquals(1_742_029_675_874L, shortLoss.wallTimes()[0]);
        MetricSeries longLoss = runs.get("6uznqj8h").metric("train_loss");
        assertEquals(158, longLoss.size());
        assertEquals(157, longLoss.lastStep());
        assertEquals(0.48137226700782776, longLoss.last());
        assertEquals(List.of("train_loss", "train_quantized_loss", "train_reconstruction_loss"),
                userMetrics(runs.get("6uznqj8h")));
        assertEquals(4.604320526123047, runs.get("6uznqj8h").metric("train_quantized_loss").last());
    }

    @Test
    void thePairHasEqualParametersAndNoSeed() {
        Run a = runs.get("x7n9fszq");
        Run b = runs.get("6uznqj8h");
        assertEquals(userParams(a), userParams(b));
        assertEquals("0.000225", a.param("learning_rate").value().raw());
        assertEquals(64.0, a.param("batch_size").value().number());
        assertEquals(512.0, a.param("num_embeddings").value().number());
        assertEquals("0.19.8", a.param("_wandb.cli_version").value().raw());
        assertTrue(a.seeds().isEmpty());
    }

    @Test
    void readsStatusTimesAndSummary() {
        Run a = runs.get("x7n9fszq");
        assertEquals(RunStatus.FAILED, a.status(), "exit code 255");
        assertEquals(Instant.parse("2025-03-15T09:07:53.898271Z"), a.startTime());
        assertEquals(Instant.parse("2025-03-15T09:08:13.898271Z"), a.endTime(), "exit runtime 20 s");
        assertEquals("VQVAE-Training", a.experiment());
        assertEquals(0.7848968505859375, a.summary().get("train_loss"));
        assertEquals(61.0, a.summary().get("_step"));
        assertEquals(20.0, a.summary().get("_wandb.runtime"));
        assertFalse(a.truncated());
    }

    @Test
    void readsCodeAndHardware() {
        Run a = runs.get("x7n9fszq");
        assertEquals("https://github.com/02hyc/VQ-VAE.git", a.code().remote());
        assertEquals("be9946656728feeda8fceba92c74ff4d79e7df5c", a.code().commit());
        assertEquals("/home/yukino/Documents/Code/Visual_base/VQVAE/trainer.py", a.code().program());
        Map<String, String> env = a.environment();
        assertEquals("NVIDIA GeForce RTX 4060 Ti", env.get("gpu"));
        assertEquals("1", env.get("gpuCount"));
        assertEquals("12.4", env.get("cuda"));
        assertEquals("3.12.2", env.get("python"));
        assertEquals("24", env.get("cpuCount"));
        assertEquals("33266331648", env.get("memory"));
        assertEquals("yukino-90xf000dcp", env.get("host"));
        assertEquals("0.19.8", env.get("framework.wandb"));
        assertEquals("2.5.1, 2.6.0", env.get("framework.torch"), "requirements.txt lists torch twice");
        assertEquals(247, a.packages().size());
        assertTrue(problems.get("x7n9fszq").stream().anyMatch(p -> p.message().contains("torch (2.5.1, 2.6.0)")));
    }

    @Test
    void keepsSystemMetricsApart() {
        MetricSeries gpu = runs.get("6uznqj8h").metric("system/gpu.0.gpu");
        assertArrayEquals(new double[] {85, 81, 79}, gpu.values());
        assertArrayEquals(new long[] {0, 1, 2}, gpu.steps());
        assertEquals(1_742_029_763_952L, gpu.wallTimes()[0], "Timestamp 1742029763 s 952838929 ns, to the millisecond");
    }

    @Test
    void theBlockBoundaryLogIsTruncatedAndTheSummaryFileWins() {
        Run run = runs.get("1xeytjab");
        assertTrue(run.truncated());
        assertEquals(RunStatus.KILLED, run.status());
        assertEquals(84, run.metric("train_loss").size());
        assertEquals(83, run.metric("train_loss").lastStep());
        assertEquals(4.318479537963867, run.metric("train_loss").last());
        assertEquals(84, run.metric("train_commitment_loss").size());
        assertEquals(4.1461405754089355, run.summary().get("train_loss"), "wandb-summary.json, step 85");
        assertEquals(85.0, run.summary().get("_step"));
        ImportProblem p = problems.get("1xeytjab").get(0);
        assertEquals("byte 98175", p.where());
        assertTrue(p.file().endsWith("run-1xeytjab.wandb"));
    }

    @Test
    void theKilledRunWithoutConfigFileKeepsTheLogsConfig() {
        Run run = runs.get("2m001qbu");
        assertTrue(run.truncated());
        assertEquals(RunStatus.KILLED, run.status());
        assertEquals(64, run.metric("train_loss").size());
        assertEquals(63, run.metric("train_loss").lastStep());
        assertEquals(0.5999253392219543, run.metric("train_loss").last());
        assertEquals("0.000225", run.param("learning_rate").value().raw());
        assertEquals("{}", run.param("_wandb").value().raw(), "no config.yaml: only the log's empty _wandb");
        assertEquals("byte 98291", problems.get("2m001qbu").get(0).where());
    }

    @Test
    void theZeroByteLogIsAClearProblemAndTheFilesStillCount() {
        Run run = runs.get("jefjnqy9");
        assertTrue(run.truncated());
        assertTrue(run.metrics().isEmpty());
        assertTrue(run.params().isEmpty());
        ImportProblem p = problems.get("jefjnqy9").get(0);
        assertTrue(p.file().endsWith("run-jefjnqy9.wandb"));
        assertTrue(p.message().startsWith("empty file (0 bytes)"), p.message());
        assertEquals("NVIDIA GeForce RTX 4060 Ti", run.environment().get("gpu"));
        assertEquals(Instant.parse("2025-03-15T09:11:57.224055Z"), run.startTime());
    }

    @Test
    void readsTheLegacyRunWithSeparateStepKeys() {
        Run run = runs.get("3ojed7lz");
        assertTrue(run.truncated(), "the log ends inside a chunk");
        assertEquals("byte 335628", problems.get("3ojed7lz").get(0).where());
        MetricSeries loss = run.metric("Training/loss");
        assertEquals(861, loss.size());
        assertEquals(1, loss.firstStep());
        assertEquals(861, loss.lastStep());
        assertEquals(1.6868462562561035, loss.last());
        assertArrayEquals(loss.steps(), java.util.Arrays.stream(run.metric("Training/step").values())
                .mapToLong(v -> (long) v).toArray(), "Training/step is logged equal to _step in every row");
        assertEquals(862, run.metric("Validation/accuracy").size());
        assertEquals(792.0, run.metric("Validation/step").last());
        assertEquals(1.4769244194030762, run.summary().get("Training/loss"), "wandb-summary.json");
        assertEquals(863.0, run.summary().get("_step"));
        assertEquals("First try", run.name());
        assertEquals("kwt-improvements", run.experiment());
        assertEquals("adeeplearners", run.tags().get("wandb.entity"));
    }

    @Test
    void readsTheLegacyConfigEnvironmentAndCode() {
        Run run = runs.get("3ojed7lz");
        assertEquals("Default Hyper Parameters, Swish activation.", run.param("Notes").value().raw());
        assertEquals("huggingface", run.param("_wandb.framework").value().raw());
        assertEquals("1651263576", run.param("_wandb.start_time").value().raw());
        assertEquals("Tesla T4", run.environment().get("gpu"));
        assertEquals("11.0.228", run.environment().get("cuda"));
        assertEquals("3.6.9", run.environment().get("python"));
        assertEquals("4.18.0", run.environment().get("framework.transformers"));
        assertEquals("2.4.0", run.environment().get("framework.tensorflow"));
        assertEquals("aadc900f2ef27603512450dba218d24bc8a76fb0", run.code().commit());
        assertEquals("https://github.com/Sanjan611/keyword-transformer.git", run.code().remote());
        assertEquals("-m kws_streaming.train.model_train_eval", run.code().program());
        assertEquals(64, run.code().args().size());
        assertEquals("ubuntu", run.user());
        assertEquals(221, run.packages().size());
        assertEquals(Instant.parse("2022-04-29T20:19:36Z"), run.startTime());
    }

    @Test
    void theCrashedLegacyRunFailedAfterTwoSeconds() {
        Run run = runs.get("2zuxwf70");
        assertEquals(RunStatus.FAILED, run.status(), "exit code 1");
        assertEquals(Instant.parse("2022-04-29T20:18:47Z"), run.startTime());
        assertEquals(Instant.parse("2022-04-29T20:18:49Z"), run.endTime());
        assertTrue(userMetrics(run).isEmpty());
        assertEquals(2.0, run.summary().get("_wandb.runtime"));
        assertFalse(run.truncated());
    }

    @Test
    void leavesTheFoldersUnchanged() throws IOException {
        assertEquals(before, TreeSnapshot.of(root));
    }

    static List<String> userMetrics(Run run) {
        return run.metrics().stream().map(MetricSeries::key).filter(k -> !k.startsWith("system/"))
                .collect(Collectors.toList());
    }

    private static Map<String, String> userParams(Run run) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : run.params()) {
            if (!p.key().startsWith("_wandb")) {
                out.put(p.key(), p.value().raw());
            }
        }
        assertNull(out.get("_wandb"));
        return out;
    }
}
