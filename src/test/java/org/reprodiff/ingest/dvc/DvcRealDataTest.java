package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.diff.Verdict;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.csv.CsvLogImporter;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The two snapshots of CaroCardozo/example-dvc-experiments in {@code ../shared/realdata/dvc} (read in place):
 * {@code at-4fa6c32} with {@code conv_units: 16} and {@code at-bc6dfdb} with 24. Expected values were read by hand
 * from their {@code params.yaml}, {@code dvc.lock}, {@code data/images.tar.gz.dvc} and DVCLive {@code .tsv} files.
 */
class DvcRealDataTest {
    private static final String PROJECT = "dvc/CaroCardozo__example-dvc-experiments";
    private final DvcImporter importer = new DvcImporter(ZoneOffset.UTC);

    private Run read(Path dir) {
        ImportResult result = importer.read(dir, Progress.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.runs().size());
        return result.runs().get(0);
    }

    @Test
    void eachSnapshotIsOneRunOfTheScan() throws Exception {
        Path root = RealData.require(PROJECT);
        Map<String, String> before = TreeSnapshot.of(root);
        ImporterCatalog catalog = new ImporterCatalog(List.of(new CsvLogImporter(), importer, new DvcLiveImporter()));
        ProjectScanner.ScanResult scan = new ProjectScanner(catalog).scan(root, Progress.NONE);
        Map<String, String> sources = new TreeMap<>();
        scan.sources().forEach(s -> sources.put(DvcFixtures.slashed(root, s.path()), s.importer().formatId()));
        assertEquals(Map.of("at-4fa6c32", "dvc", "at-bc6dfdb", "dvc"), sources,
                "plots/confusion.csv and the DVCLive .tsv files belong to the projects");
        for (String snapshot : List.of("at-4fa6c32", "at-bc6dfdb")) {
            read(root.resolve(snapshot));
        }
        assertEquals(before, TreeSnapshot.of(root), "nothing written");
    }

    @Test
    void readsParamsDataCodeAndCurvesOfBothSnapshots() throws Exception {
        Path root = RealData.require(PROJECT);
        Run a = read(root.resolve("at-4fa6c32"));
        Run b = read(root.resolve("at-bc6dfdb"));
        assertEquals("at-4fa6c32", a.name());
        assertEquals("workspace", a.nativeId());
        assertTrue(Files.isSameFile(root.resolve("at-4fa6c32"), Path.of(a.source())));

        // at-4fa6c32's params.yaml has "model: " with a trailing space: still the mapping, not a key "model ".
        assertEquals(Map.of("model.conv_units", "16", "train.epochs", "10"), DvcFixtures.params(a));
        assertEquals(Map.of("model.conv_units", "24", "train.epochs", "10"), DvcFixtures.params(b));
        assertFalse(a.tags().containsKey(DvcProjectParams.CHANGED_TAG), "dvc.lock agrees with params.yaml");

        List<DataRef> data = List.of(
                new DataRef("data", "md5:687552951726b99c2eee15d29b4ccf0e.dir", "dvc.lock train dep (17397976 bytes, 3 files, DVC 2 md5)"),
                new DataRef("data/images.tar.gz", "md5:acb39268fb9dd785aac887f69b89282e", "data/images.tar.gz.dvc (17397876 bytes, DVC 2 md5)"));
        assertEquals(data, a.data());
        assertEquals(data, b.data());
        assertEquals(Map.of("src", "md5:57f99becc6efff8a309d9527133f5f14.dir"), a.code().sourceDigests());
        assertEquals(Map.of("src", "md5:09abfaabdfd6cd12fd31fb6ea736d57a.dir"), b.code().sourceDigests());
        assertEquals("python3 src/train.py", a.code().program());
        assertEquals(List.of("dvclive/metrics.json", "dvclive/plots", "models", "plots"), a.artifacts());

        List<String> keys = List.of("eval/acc", "eval/loss", "train/acc", "train/loss");
        assertEquals(keys, a.metrics().stream().map(MetricSeries::key).toList());
        for (Run r : List.of(a, b)) {
            for (String key : keys) {
                MetricSeries s = r.metric(key);
                assertEquals(10, s.size(), key);
                assertEquals(0, s.firstStep());
                assertEquals(9, s.lastStep());
                assertEquals(MetricSeries.NO_TIME, s.wallTimes()[0], "this DVCLive logged no timestamps");
            }
        }
        assertEquals(0.965499997138977, a.metric("eval/acc").values()[0]);
        assertEquals(0.9866999983787537, a.metric("eval/acc").last());
        assertEquals(0.9884999990463257, b.metric("eval/acc").last());
        assertEquals(0.039395395666360855, a.metric("eval/loss").last());
        assertEquals(0.03015276975929737, b.metric("train/loss").last());
        assertEquals(0.9901999831199646, b.metric("train/acc").last());
        assertEquals(0.9866999983787537, a.summary().get("eval/acc"), "dvclive/metrics.json");
        assertFalse(a.summary().containsKey("step"));
        assertEquals(0.98670, a.summary().get("eval/acc"), 5e-6);
        assertEquals(0.98850, b.summary().get("eval/acc"), 5e-6);
    }

    @Test
    void theDiffNamesConvUnitsAndTheSourceChangeAsCauses() {
        Path root = RealData.require(PROJECT);
        Run a = read(root.resolve("at-4fa6c32"));
        Run b = read(root.resolve("at-bc6dfdb"));
        Comparison c = new RunDiffer().compare(a, b, DiffOptions.DEFAULTS, List.of());
        assertEquals(Verdict.EXPLAINED, c.verdict());
        List<String> causes = new ArrayList<>();
        for (Cause cause : c.causes()) {
            causes.add(cause.facet() + " " + cause.key() + " " + cause.a() + " -> " + cause.b());
        }
        assertEquals(List.of(
                "code source:src md5:57f99becc6efff8a309d9527133f5f14.dir -> md5:09abfaabdfd6cd12fd31fb6ea736d57a.dir",
                "params model.conv_units 16 -> 24"), causes);
        assertTrue(c.data().differences().isEmpty(), "same data hashes in both snapshots");
    }
}
