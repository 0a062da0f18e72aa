package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class SampleProjectGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void generatesByteIdenticalTreesTwice() throws IOException {
        SampleProjectGenerator.generate(temp.resolve("one"));
        SampleProjectGenerator.generate(temp.resolve("two"));
        Map<String, byte[]> one = tree(temp.resolve("one"));
        assertTrue(one.size() > 200, "expected a full store, got " + one.size() + " files");
        assertSameTree(one, tree(temp.resolve("two")));
    }

    @Test
    void committedSampleRunsAreCurrent() throws IOException {
        Path committed = Path.of("sample-runs", "mlruns");
        assertTrue(Files.isDirectory(committed), "sample-runs/mlruns is missing: run SampleProjectGenerator");
        SampleProjectGenerator.generate(temp.resolve("fresh"));
        // git keeps no empty folders (.trash), so compare files only
        assertSameTree(tree(temp.resolve("fresh")), tree(committed));
    }

    @Test
    void storeStaysSmallAndHoldsNoPathOfThisMachine() throws IOException {
        SampleProjectGenerator.generate(temp.resolve("mlruns"));
        Map<String, byte[]> files = tree(temp.resolve("mlruns"));
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        assertTrue(bytes < 1_000_000, "sample store is " + bytes + " bytes");
        String here = temp.toAbsolutePath().toString();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains(here), f.getKey() + " holds the generating machine's path");
        }
    }

    @Test
    void rewritesOnlyMlrunsInsideSampleRuns() throws IOException {
        Path out = Files.createDirectories(temp.resolve("sample-runs"));
        Files.writeString(out.resolve("README.md"), "keep me");
        Files.createDirectories(out.resolve("mlruns").resolve("stale"));
        Files.writeString(out.resolve("mlruns").resolve("stale").resolve("old.txt"), "old");

        SampleProjectGenerator.writeSampleProject(out);

        assertEquals("keep me", Files.readString(out.resolve("README.md")));
        assertFalse(Files.exists(out.resolve("mlruns").resolve("stale")));
        assertTrue(Files.isRegularFile(out.resolve("mlruns").resolve("0").resolve("meta.yaml")));
    }

    @Test
    void refusesANonEmptyFolderNotNamedSampleRuns() throws IOException {
        Path userData = Files.createDirectories(temp.resolve("my-project"));
        Files.createDirectories(userData.resolve("mlruns"));
        Files.writeString(userData.resolve("mlruns").resolve("precious.txt"), "user data");

        assertThrows(IllegalArgumentException.class, () -> SampleProjectGenerator.writeSampleProject(userData));

        assertEquals("user data", Files.readString(userData.resolve("mlruns").resolve("precious.txt")));
        assertEquals(List.of("mlruns/precious.txt"), List.copyOf(tree(userData).keySet()));
    }

    @Test
    void writesIntoAnEmptyFolderOfAnyName() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("demo"));
        SampleProjectGenerator.writeSampleProject(empty);
        assertTrue(Files.isDirectory(empty.resolve("mlruns").resolve(".trash")));
    }

    @Test
    void writesASyntheticStoreOfTheRequestedShapeDeterministically() throws IOException {
        SampleProjectGenerator.writeSyntheticStore(temp.resolve("a"), 30, 20, 10, 5, 50, 7L);
        SampleProjectGenerator.writeSyntheticStore(temp.resolve("b"), 30, 20, 10, 5, 50, 7L);
        Map<String, byte[]> a = tree(temp.resolve("a"));
        assertSameTree(a, tree(temp.resolve("b")));

        List<Path> runs;
        try (Stream<Path> experiments = Files.list(temp.resolve("a"))) {
            Path experiment = experiments.filter(p -> !p.getFileName().toString().matches("0|\\.trash"))
                    .findFirst().orElseThrow();
            try (Stream<Path> children = Files.list(experiment)) {
                runs = children.filter(Files::isDirectory).toList();
            }
        }
        assertEquals(30, runs.size());
        Path run = runs.get(0);
        assertEquals(20, count(run.resolve("params")));
        assertEquals(10, count(run.resolve("tags")));
        assertEquals(5, count(run.resolve("metrics")));
        assertEquals(50, Files.readAllLines(run.resolve("metrics").resolve("val").resolve("loss")).size());
    }

    @Test
    void refusesASyntheticStoreOverExistingFiles() throws IOException {
        Files.writeString(temp.resolve("x.txt"), "x");
        assertThrows(IllegalArgumentException.class,
                () -> SampleProjectGenerator.writeSyntheticStore(temp, 1, 1, 1, 1, 1, 1L));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Relative path (with '/') to content of every regular file under {@code root}. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "file lists differ");
        for (String name : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(name), actual.get(name)), name + " differs");
        }
    }
}
