package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.ingest.csv.CsvLogImporter;
import org.reprodiff.ingest.dvc.DvcImporter;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/** The demo DVC project round-trips through the DVC importer, and is a function of the seed alone. */
class DvcSampleWriterTest {
    @TempDir
    Path tmp;

    @Test
    void theWrittenProjectImportsAsOneRunWithItsOwnDigests() throws Exception {
        Path dir = tmp.resolve("dvc");
        DvcSampleWriter.write(dir);
        ImportResult result = new DvcImporter(ZoneOffset.UTC).read(dir, Progress.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.runs().size());
        Run run = result.runs().get(0);
        assertEquals("dvc", run.name());

        Map<String, String> params = new TreeMap<>();
        for (Param p : run.params()) {
            params.put(p.key(), p.value().raw());
        }
        assertEquals(Map.of("model.conv_units", "32", "model.dropout", "0.25", "seed", "42",
                "train.batch_size", "64", "train.epochs", "12", "train.lr", "0.001"), params);
        assertEquals("42", run.seeds().get(0).value());
        assertTrue(run.tags().keySet().stream().noneMatch(k -> k.startsWith("dvc.params")), "lock agrees with params");

        byte[] data = Files.readAllBytes(dir.resolve("data/train.csv"));
        assertEquals(List.of(new DataRef("data/train.csv", "md5:" + md5(data),
                "dvc.lock train dep (" + data.length + " bytes, DVC 3 md5)")), run.data());
        assertEquals(Map.of("src/train.py", "md5:" + md5(Files.readAllBytes(dir.resolve("src/train.py")))),
                run.code().sourceDigests());
        assertEquals(List.of("dvclive/metrics.json", "dvclive/plots", "models"), run.artifacts());

        Map<?, ?> lock = (Map<?, ?>) SafeYaml.read(dir.resolve("dvc.lock"));
        List<?> outs = (List<?>) ((Map<?, ?>) ((Map<?, ?>) lock.get("stages")).get("train")).get("outs");
        Map<?, ?> summaryOut = (Map<?, ?>) outs.get(0);
        assertEquals(md5(Files.readAllBytes(dir.resolve("dvclive/metrics.json"))), summaryOut.get("md5"));
        Map<?, ?> models = (Map<?, ?>) outs.get(2);
        String weights = md5(Files.readAllBytes(dir.resolve("models/weights.txt")));
        String manifest = "[{\"md5\": \"" + weights + "\", \"relpath\": \"weights.txt\"}]";
        assertEquals(md5(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".dir", models.get("md5"));
        assertEquals(1, models.get("nfiles"));

        JsonNode summary = LenientJson.mapper().readTree(dir.resolve("dvclive/metrics.json").toFile());
        assertEquals(List.of("eval/acc", "eval/loss", "train/acc", "train/loss"),
                run.metrics().stream().map(MetricSeries::key).toList());
        for (MetricSeries s : run.metrics()) {
            String[] parts = s.key().split("/");
            assertEquals(DvcSampleWriter.EPOCHS, s.size(), s.key());
            assertEquals(DvcSampleWriter.EPOCHS - 1, s.lastStep());
            assertEquals(summary.get(parts[0]).get(parts[1]).asDouble(), s.last(), s.key());
            long first = s.wallTimes()[0] - DvcSampleWriter.START_MS - DvcSampleWriter.EPOCH_MS;
            assertTrue(first >= 0 && first < 900, "first timestamp one epoch after the start: " + first);
        }
        assertEquals(summary.get("step").asInt(), DvcSampleWriter.EPOCHS - 1);
        assertFalse(run.summary().containsKey("step"));
    }

    @Test
    void theBytesDependOnTheSeedAloneAndTheScanFindsOneProject() throws Exception {
        Path one = tmp.resolve("sample-runs").resolve("dvc");
        DvcSampleWriter.write(one);
        Files.writeString(one.resolve("stale.txt"), "from an older generator");
        DvcSampleWriter.write(one);
        Path other = Files.createDirectories(tmp.resolve("elsewhere"));
        DvcSampleWriter.write(other.resolve("two"));
        assertEquals(contents(one), contents(other.resolve("two")), "rewritten in sample-runs, and stale files gone");
        assertEquals(11, contents(one).size());

        ImporterCatalog catalog = new ImporterCatalog(List.of(new CsvLogImporter(), new DvcImporter()));
        List<Path> sources = new ArrayList<>();
        new ProjectScanner(catalog).scan(other, Progress.NONE).sources().forEach(s -> sources.add(s.path()));
        assertEquals(List.of(other.resolve("two").toAbsolutePath().normalize()), sources,
                "data/train.csv and the .tsv files are the project's, not CSV runs");
    }

    @Test
    void refusesToClearAFolderInsideUserData() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("my-project"));
        Files.writeString(user.resolve("notes.txt"), "keep");
        Files.createDirectories(user.resolve("dvc"));
        Files.writeString(user.resolve("dvc/precious.txt"), "keep too");
        assertThrows(IllegalArgumentException.class, () -> DvcSampleWriter.write(user.resolve("dvc")));
        assertEquals("keep too", Files.readString(user.resolve("dvc/precious.txt")));
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    out.put(root.relativize(f).toString().replace('\\', '/'), md5(Files.readAllBytes(f)));
                }
            }
        }
        return out;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
