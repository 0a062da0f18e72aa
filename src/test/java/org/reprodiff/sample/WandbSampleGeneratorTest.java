package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.wandb.WandbImporter;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * The W&B sample pair: deterministic bytes, small, committed as generated, and, read back with the importer, a
 * nominally identical pair whose curves are bit-identical before step {@value WandbSampleGenerator#PART_STEP}.
 */
class WandbSampleGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void generatesByteIdenticalTreesTwice() throws IOException {
        WandbSampleGenerator.generate(temp.resolve("one"));
        WandbSampleGenerator.generate(temp.resolve("two"));
        Map<String, byte[]> one = tree(temp.resolve("one"));
        assertEquals(4, one.size(), one.keySet().toString());
        assertSameTree(one, tree(temp.resolve("two")));
    }

    @Test
    void committedSampleRunsAreCurrent() throws IOException {
        Path committed = Path.of("sample-runs", "wandb");
        assertTrue(Files.isDirectory(committed), "sample-runs/wandb is missing: run WandbSampleGenerator");
        WandbSampleGenerator.generate(temp.resolve("fresh"));
        assertSameTree(tree(temp.resolve("fresh")), tree(committed));
    }

    @Test
    void staysSmallAndHoldsNoPathOfThisMachine() throws IOException {
        WandbSampleGenerator.generate(temp.resolve("wandb"));
        Map<String, byte[]> files = tree(temp.resolve("wandb"));
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        assertTrue(bytes < 300_000, "sample is " + bytes + " bytes");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(temp.toAbsolutePath().toString()), f.getKey());
        }
    }

    @Test
    void rewritesOnlyWandbInsideSampleRunsAndRefusesOtherFolders() throws IOException {
        Path out = Files.createDirectories(temp.resolve("sample-runs"));
        Files.writeString(out.resolve("README.md"), "keep me");
        Files.createDirectories(out.resolve("wandb").resolve("stale"));
        WandbSampleGenerator.writeSampleProject(out);
        assertEquals("keep me", Files.readString(out.resolve("README.md")));
        assertFalse(Files.exists(out.resolve("wandb").resolve("stale")));

        Path user = Files.createDirectories(temp.resolve("my-project"));
        Files.writeString(user.resolve("precious.txt"), "data");
        assertThrows(IllegalArgumentException.class, () -> WandbSampleGenerator.writeSampleProject(user));
        assertEquals("data", Files.readString(user.resolve("precious.txt")));
    }

    @Test
    void thePairIsNominallyIdenticalAndPartsLate() throws IOException {
        Path wandb = temp.resolve("wandb");
        WandbSampleGenerator.generate(wandb);
        List<Path> folders;
        try (Stream<Path> s = Files.list(wandb)) {
            folders = s.sorted().toList();
        }
        WandbImporter importer = new WandbImporter();
        Run[] runs = new Run[2];
        for (int i = 0; i < 2; i++) {
            assertTrue(importer.canRead(folders.get(i)));
            ImportResult result = importer.read(folders.get(i), Progress.NONE);
            assertTrue(result.problems().isEmpty(), result.problems().toString());
            runs[i] = result.runs().get(0);
        }
        Run a = runs[0];
        Run b = runs[1];
        assertEquals(List.of("resnet18-a", "resnet18-b"), List.of(a.name(), b.name()));
        assertEquals(params(a), params(b));
        assertEquals("42", a.seeds().get(0).value());
        assertEquals(a.environment(), b.environment());
        assertEquals(a.code().commit(), b.code().commit());
        assertEquals(RunStatus.FINISHED, a.status());
        assertEquals("NVIDIA A100-SXM4-40GB", a.environment().get("gpu"));

        int part = WandbSampleGenerator.PART_STEP;
        MetricSeries lossA = a.metric("train/loss");
        MetricSeries lossB = b.metric("train/loss");
        assertEquals(WandbSampleGenerator.STEPS, lossA.size());
        assertArrayEquals(lossA.steps(), lossB.steps());
        assertArrayEquals(Arrays.copyOf(lossA.values(), part), Arrays.copyOf(lossB.values(), part));
        assertNotEquals(lossA.values()[part], lossB.values()[part]);

        MetricSeries valA = a.metric("val/loss");
        MetricSeries valB = b.metric("val/loss");
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, valA.steps(), "stepped by epoch");
        // validation after the last step of each epoch: steps 19, 39, ..., 199; step 159 (epoch 7) is the first
        // one at or after step 150
        assertArrayEquals(Arrays.copyOf(valA.values(), 7), Arrays.copyOf(valB.values(), 7));
        assertNotEquals(valA.values()[7], valB.values()[7]);
    }

    private static Map<String, String> params(Run run) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : run.params()) {
            out.put(p.key(), p.value().raw());
        }
        return out;
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }
}
