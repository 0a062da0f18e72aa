package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.diff.Verdict;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.sacred.SacredImporter;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/** The Sacred part of the demo project, read back through {@link SacredImporter}. */
class SacredSampleWriterTest {
    @TempDir
    Path tmp;

    private List<Run> writeAndImport(Path sacred) throws IOException {
        SacredSampleWriter.write(sacred);
        SacredImporter importer = new SacredImporter();
        assertTrue(importer.canRead(sacred));
        List<Run> runs = new ArrayList<>();
        for (Path unit : importer.units(sacred)) {
            ImportResult result = importer.read(unit, Progress.NONE);
            assertEquals(List.of(), result.problems());
            runs.addAll(result.runs());
        }
        return runs;
    }

    @Test
    void writesASeedOnlyPairThatImportsWithDifferentCurvesAndCloseFinals() throws Exception {
        Path sacred = tmp.resolve("sample-runs").resolve("sacred");
        List<Run> runs = writeAndImport(sacred);
        assertEquals(List.of("1", "2"), runs.stream().map(Run::nativeId).toList());
        Run a = runs.get(0);
        Run b = runs.get(1);
        assertEquals("cifar10-sacred/1", a.name());
        assertEquals(RunStatus.FINISHED, a.status());
        assertEquals("101", a.seeds().get(0).value());
        assertEquals("202", b.seeds().get(0).value());
        assertEquals(a.params().stream().filter(p -> !p.key().equals("seed")).toList(),
                b.params().stream().filter(p -> !p.key().equals("seed")).toList());
        assertEquals("0.001", a.param("lr").value().raw());
        assertEquals("0.0005", a.param("weight_decay").value().raw());
        assertEquals(a.code(), b.code());
        assertEquals(a.environment(), b.environment());
        assertEquals(a.packages(), b.packages());

        Path source;
        try (Stream<Path> files = Files.list(sacred.resolve("_sources"))) {
            source = files.findFirst().orElseThrow();
        }
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(source)));
        assertEquals(Map.of("train.py", md5), a.code().sourceDigests());

        MetricSeries lossA = a.metric("train.loss");
        MetricSeries lossB = b.metric("train.loss");
        assertEquals(200, lossA.size());
        assertEquals(10, a.metric("val.accuracy").size());
        assertEquals(199, a.metric("val.accuracy").lastStep());
        assertNotEquals(lossA.values()[0], lossB.values()[0], "the curves part from step 0");
        double accA = a.metric("val.accuracy").last();
        double accB = b.metric("val.accuracy").last();
        assertTrue(Math.abs(accA - accB) < 0.02, accA + " vs " + accB);
        assertTrue(accA > 0.8, "trained: " + accA);
        assertTrue(lossA.wallTimes()[0] > a.startTime().toEpochMilli());
        assertTrue(a.endTime().isBefore(b.startTime()));

        Comparison c = new RunDiffer().compare(a, b, DiffOptions.DEFAULTS, List.of(a));
        assertEquals(Verdict.EXPLAINED, c.verdict());
        assertEquals(List.of("seeds seed"), c.causes().stream().map(x -> x.facet() + " " + x.key()).toList());
    }

    @Test
    void theBytesDependOnTheSeedOnlyAndNameNoPathOfThisMachine() throws IOException {
        Path first = tmp.resolve("one").resolve("sacred");
        Path second = tmp.resolve("two").resolve("sacred");
        SacredSampleWriter.write(first);
        SacredSampleWriter.write(second);
        Map<String, String> a = contents(first);
        assertEquals(a, contents(second));
        assertEquals(List.of("1/config.json", "1/cout.txt", "1/metrics.json", "1/run.json", "2/config.json",
                "2/cout.txt", "2/metrics.json", "2/run.json"), a.keySet().stream().filter(k -> !k.startsWith("_")).toList());
        a.values().forEach(text -> assertFalse(text.contains(tmp.toString()), "no path of this machine"));
    }

    @Test
    void rewritingReplacesTheFolderButRefusesAFolderOfUserData() throws IOException {
        Path sacred = tmp.resolve("sample-runs").resolve("sacred");
        Files.createDirectories(sacred.resolve("99"));
        SacredSampleWriter.write(sacred);
        assertFalse(Files.exists(sacred.resolve("99")), "the old sample is replaced");

        Path user = tmp.resolve("experiments");
        Files.createDirectories(user.resolve("sacred"));
        Files.writeString(user.resolve("notes.txt"), "mine");
        assertThrows(IllegalArgumentException.class, () -> SacredSampleWriter.write(user.resolve("sacred")));
        assertEquals("mine", Files.readString(user.resolve("notes.txt")));
        assertTrue(Files.isDirectory(user.resolve("sacred")));
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
