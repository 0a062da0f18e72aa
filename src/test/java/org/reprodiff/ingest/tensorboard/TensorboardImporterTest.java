package org.reprodiff.ingest.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.sample.EventFileWriter;
import org.reprodiff.sample.EventFileWriter.TensorEncoding;

/** Event files written with {@link EventFileWriter} in a temporary folder; expected values worked out by hand. */
class TensorboardImporterTest {
    private static final String FILE = "events.out.tfevents.1700000000.host.1.0";
    private final TensorboardImporter importer = new TensorboardImporter();

    @TempDir
    Path dir;

    @Test
    void simpleValuesAreWidenedFloatsAtTheirStepsAndWallTimes() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        try (EventFileWriter w = EventFileWriter.create(run.resolve(FILE), 100.0)) {
            w.scalar("loss", 0, 0.1f, 100.25);
            w.scalar("loss", 1, Float.NaN, 101.0005);
            w.scalar("loss", 1, Float.NEGATIVE_INFINITY, 102.0);
        }
        Run r = only(run);
        MetricSeries loss = r.metric("loss");
        assertArrayEquals(new long[] {0, 1, 1}, loss.steps(), "repeated steps are kept in logging order");
        // 0.1f is 13421773 * 2^-27 = 0.100000001490116119384765625
        assertArrayEquals(new double[] {0.10000000149011612, Double.NaN, Double.NEGATIVE_INFINITY}, loss.values());
        assertArrayEquals(new long[] {100250, 101001, 102000}, loss.wallTimes(), "seconds to milliseconds, rounded");
        assertEquals(Instant.ofEpochMilli(100000), r.startTime(), "the file_version event is the first");
        assertEquals(Instant.ofEpochMilli(102000), r.endTime());
        assertEquals("run", r.nativeId());
        assertEquals("run", r.name());
        assertEquals(run.toRealPath().toString(), r.source());
        assertEquals(dir.getFileName().toString(), r.experiment());
        assertEquals(RunStatus.UNKNOWN, r.status());
        assertFalse(r.truncated());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void floatAndDoubleTensorsAreScalarsWhetherTypedOrInContent() throws IOException {
        Path run = Files.createDirectory(dir.resolve("tf2"));
        try (EventFileWriter w = EventFileWriter.create(run.resolve(FILE + ".v2"), 1.0)) {
            w.tensorScalar("float_val", 1, 0.1, TensorEncoding.FLOAT_VAL, 2.0);
            w.tensorScalar("double_val", 1, 0.1, TensorEncoding.DOUBLE_VAL, 2.0);
            w.tensorScalar("float_content", 1, 2.5, TensorEncoding.FLOAT_CONTENT, 2.0);
            w.tensorScalar("double_content", 1, 1e-300, TensorEncoding.DOUBLE_CONTENT, 2.0);
            w.tensorScalar("float_content", 2, -0.75, TensorEncoding.FLOAT_CONTENT, 3.0);
        }
        Run r = only(run);
        assertEquals(0.10000000149011612, r.metric("float_val").last());
        assertEquals(0.1, r.metric("double_val").last());
        assertArrayEquals(new double[] {2.5, -0.75}, r.metric("float_content").values());
        assertArrayEquals(new long[] {1, 2}, r.metric("float_content").steps());
        assertEquals(1e-300, r.metric("double_content").last());
    }

    @Test
    void sessionStartInfoGivesTypedParametersAndEndInfoTheStatus() throws IOException {
        Path run = Files.createDirectory(dir.resolve("lightning"));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("optimizer/lr", 0.001);
        first.put("batch_size", 32);
        first.put("seed", 7);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("batch_size", 64);
        second.put("model/name", "resnet");
        second.put("amp", true);
        second.put("layers", List.of(64, 128, "x"));
        second.put("note", null);
        try (EventFileWriter w = EventFileWriter.create(run.resolve(FILE), 1.0)) {
            w.experiment(List.of("optimizer/lr"), List.of("hp_metric"), 1.0);
            w.sessionStartInfo(first, 1.0, 1.0);
            w.sessionEndInfo(EventFileWriter.SessionStatus.SUCCESS, 0, 1.0);
            w.sessionStartInfo(second, 2.0, 2.0);
            w.sessionEndInfo(EventFileWriter.SessionStatus.FAILURE, 5.0, 2.0);
            w.scalar("hp_metric", 0, -1f, 2.0);
        }
        Run r = only(run);
        Map<String, String> params = r.params().stream()
                .collect(Collectors.toMap(p -> p.key(), p -> p.value().type() + " " + p.value().raw()));
        assertEquals(Map.of("optimizer.lr", "NUMBER 0.001", "batch_size", "NUMBER 64", "seed", "NUMBER 7",
                "model.name", "STRING resnet", "amp", "BOOL true", "layers", "LIST [64, 128, 'x']", "note", "NULL null"),
                params);
        assertEquals(List.of(64.0, 128.0), r.param("layers").value().items().subList(0, 2).stream()
                .map(ParamValue::number).toList());
        assertEquals(RunStatus.FAILED, r.status(), "the last session end info counts");
        assertEquals(List.of("hp_metric"), r.metrics().stream().map(MetricSeries::key).toList(),
                "the hparams summaries are not series");
        assertEquals("seed", r.seeds().get(0).key());
    }

    @Test
    void addScalarsFoldersAreSeriesOfTheirParentNotRuns() throws IOException {
        Path run = Files.createDirectory(dir.resolve("runs"));
        write(run.resolve(FILE), "loss", 1, 0.5f);
        write(Files.createDirectory(run.resolve("loss_train")).resolve(FILE + ".1"), "loss", 1, 0.25f);
        write(Files.createDirectory(run.resolve("loss_val")).resolve(FILE + ".2"), "loss", 1, 0.75f);
        write(Files.createDirectory(run.resolve("lr_group_a")).resolve(FILE + ".3"), "lr/group", 1, 0.125f);
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size());
        Run r = result.runs().get(0);
        assertEquals(List.of("loss", "loss/train", "loss/val", "lr/group/a"),
                r.metrics().stream().map(MetricSeries::key).toList());
        assertEquals(0.25, r.metric("loss/train").last());
        assertEquals(0.75, r.metric("loss/val").last());
        assertEquals(0.125, r.metric("lr/group/a").last());
    }

    @Test
    void aLoneAddHparamsFolderIsLinkedBackToItsRun() throws IOException {
        Path run = Files.createDirectory(dir.resolve("May04_22-14-54_host"));
        write(run.resolve(FILE), "accuracy", 5, 0.5f);
        Path trial = Files.createDirectory(run.resolve("1700000123.4567"));
        try (EventFileWriter w = EventFileWriter.create(trial.resolve(FILE + ".1"), 1700000123.0)) {
            w.experiment(List.of("lr"), List.of("hparam/accuracy"), 1700000123.0);
            w.sessionStartInfo(Map.of("lr", 0.01, "use_bn", 1), 0, 1700000123.0);
            w.sessionEndInfo(EventFileWriter.SessionStatus.SUCCESS, 0, 1700000123.0);
            w.scalar("hparam/accuracy", 0, 0.5f, 1700000123.0);
            w.scalar("accuracy", 0, 0.25f, 1700000123.0);
        }
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size());
        Run r = result.runs().get(0);
        assertEquals(0.01, r.param("lr").value().number());
        assertEquals(1.0, r.param("use_bn").value().number());
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(List.of("1700000123.4567/accuracy", "accuracy", "hparam/accuracy"),
                r.metrics().stream().map(MetricSeries::key).toList(), "a taken key is prefixed with the folder");
        assertEquals(0.5, r.metric("accuracy").last());
    }

    @Test
    void severalAddHparamsFoldersAreTrialsOfTheirOwn() throws IOException {
        Path run = Files.createDirectory(dir.resolve("sweep"));
        write(run.resolve(FILE), "loss", 1, 1f);
        for (int i = 0; i < 2; i++) {
            Path trial = Files.createDirectory(run.resolve("170000000" + i + ".5"));
            try (EventFileWriter w = EventFileWriter.create(trial.resolve(FILE), 1.0)) {
                w.sessionStartInfo(Map.of("lr", 0.1 * (i + 1)), 0, 1.0);
            }
        }
        Map<String, Run> runs = byId(importer.read(run, Progress.NONE));
        assertEquals(List.of("1700000000.5", "1700000001.5", "sweep"), List.copyOf(runs.keySet()));
        assertEquals(0.1, runs.get("1700000000.5").param("lr").value().number());
        assertEquals(0.2, runs.get("1700000001.5").param("lr").value().number());
        assertTrue(runs.get("sweep").params().isEmpty());
        assertEquals("sweep", runs.get("1700000000.5").experiment());
    }

    @Test
    void otherSubFoldersAndDeeperRunFoldersAreRunsOfTheirOwn() throws IOException {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        write(logs.resolve(FILE), "loss", 1, 1f);
        write(Files.createDirectory(logs.resolve("validation")).resolve(FILE), "epoch_loss", 1, 2f);
        Path deeper = Files.createDirectories(logs.resolve("more/deeper"));
        write(deeper.resolve(FILE), "loss", 3, 3f);
        Files.writeString(deeper.resolve("notes.txt"), "not an event file");
        Path profileOnly = Files.createDirectories(logs.resolve("more/profile"));
        EventFileWriter.create(profileOnly.resolve("events.out.tfevents.1.host.profile-empty"), 1.0).close();
        Map<String, Run> runs = byId(importer.read(logs, Progress.NONE));
        assertEquals(List.of("deeper", "logs", "validation"), List.copyOf(runs.keySet()));
        assertEquals(List.of("loss"), runs.get("logs").metrics().stream().map(MetricSeries::key).toList());
        assertEquals(2.0, runs.get("validation").metric("epoch_loss").last());
        assertEquals(deeper.toRealPath().toString(), runs.get("deeper").source());
        assertEquals("more", runs.get("deeper").experiment());
    }

    @Test
    void canReadAFolderWithAnEventFileThatIsNotProfileEmpty() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertFalse(importer.canRead(empty));
        Path profile = Files.createDirectory(dir.resolve("profile"));
        EventFileWriter.create(profile.resolve("events.out.tfevents.1628697787.HOST.profile-empty"), 1.0).close();
        assertFalse(importer.canRead(profile), "a profile-empty file alone is not a run");
        EventFileWriter.create(profile.resolve("events.out.tfevents.1628697775.HOST.21044.31250.v2"), 1.0).close();
        assertTrue(importer.canRead(profile));
        assertFalse(importer.canRead(profile.resolve("events.out.tfevents.1628697775.HOST.21044.31250.v2")));
        assertFalse(importer.canRead(dir.resolve("missing")));
        assertFalse(importer.canRead(dir), "event files further down do not count");
        assertEquals(List.of(profile.toAbsolutePath().normalize()), importer.units(profile));
    }

    @Test
    void eventFilesOfAFolderAreOneStreamInNameOrder() throws IOException {
        Path run = Files.createDirectory(dir.resolve("resumed"));
        try (EventFileWriter w = EventFileWriter.create(run.resolve("events.out.tfevents.0000000002.host.1.0"), 2.0)) {
            w.scalar("loss", 3, 3f, 3.0);
            w.scalar("loss", 4, 4f, 4.0);
        }
        try (EventFileWriter w = EventFileWriter.create(run.resolve("events.out.tfevents.0000000001.host.1.0"), 1.0)) {
            w.scalar("loss", 1, 1f, 1.0);
            w.scalar("loss", 2, 2f, 2.0);
        }
        List<Integer> files = new ArrayList<>();
        Run r = importer.read(run, (done, total, what) -> files.add((int) total)).runs().get(0);
        assertArrayEquals(new long[] {1, 2, 3, 4}, r.metric("loss").steps());
        assertArrayEquals(new double[] {1, 2, 3, 4}, r.metric("loss").values());
        assertTrue(files.size() >= 2 && files.stream().allMatch(t -> t == 2), "progress counts files: " + files);
    }

    @Test
    void interruptionCancelsTheReadWithoutRuns() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        write(run.resolve(FILE), "loss", 1, 1f);
        Thread.currentThread().interrupt();
        try {
            ImportResult result = importer.read(run, Progress.NONE);
            assertTrue(result.runs().isEmpty());
            assertEquals("reading cancelled", result.problems().get(0).message());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    private static void write(Path file, String tag, long step, float value) throws IOException {
        try (EventFileWriter w = EventFileWriter.create(file, 1.0)) {
            w.scalar(tag, step, value, 2.0);
        }
    }

    private Run only(Path run) {
        ImportResult result = importer.read(run, Progress.NONE);
        assertEquals(1, result.runs().size(), result.toString());
        return result.runs().get(0);
    }

    private static Map<String, Run> byId(ImportResult result) {
        return result.runs().stream().collect(Collectors.toMap(Run::nativeId, r -> r, (a, b) -> a, TreeMap::new));
    }
}
