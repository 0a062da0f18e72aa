package org.reprodiff.ingest.guild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.tensorboard.TensorboardImporter;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Guild's own test samples ({@code ../shared/realdata/fixtures/guildai__guildai/guild/tests/samples}), read in
 * place through the project scanner with the TensorBoard importer also in the catalog. The facts asserted were read
 * from the files with {@code cat} and {@code xxd}: the statuses match what Guild's own {@code run-status} test
 * prints for {@code filter-runs}; each loss is the little-endian float after the {@code loss} tag of the run's one
 * event file (fa6f74ad: {@code 1b 2d 07 3f} = 0x3f072d1b = 0.5280320048332214, matching its output
 * {@code loss: 0.528032}; 2dc1529b: {@code da 1e f5 3e} = 0.478751003742218; 79ca9e64: {@code cd ca de 3e} =
 * 0.435140997171402); those events carry neither step nor wall time (both at their proto3 default).
 */
class GuildRealDataTest {
    private static final GuildImporter IMPORTER = new GuildImporter();
    private static final String FA6 = "fa6f74adb50a4abb8f49840993f081f7";
    private static final String FE8 = "fe83a924ae144693a72b420962a7d9d1";
    private static Path root;
    private static Map<String, String> before;
    private static List<ProjectScanner.Source> sources;
    private static Map<String, Run> runs;
    private static List<ImportProblem> problems;

    @BeforeAll
    static void readAll() throws Exception {
        root = RealData.require("fixtures/guildai__guildai/guild/tests/samples");
        before = TreeSnapshot.of(root);
        ImporterCatalog catalog = new ImporterCatalog(List.of(new TensorboardImporter(), IMPORTER));
        sources = new ProjectScanner(catalog).scan(root, Progress.NONE).sources();
        runs = new TreeMap<>();
        problems = new ArrayList<>();
        for (ProjectScanner.Source source : sources) {
            for (Path unit : source.importer().units(source.path())) {
                ImportResult result = source.importer().read(unit, Progress.NONE);
                problems.addAll(result.problems());
                result.runs().forEach(r -> runs.put(Path.of(r.source()).getParent().getFileName() + "/" + r.nativeId(), r));
            }
        }
    }

    static Run filterRun(String id) {
        return runs.get("filter-runs/" + id);
    }

    @Test
    void findsFourteenRunsAllGuildAndNoTensorboardRunInsideThem() {
        assertTrue(sources.stream().allMatch(s -> s.importer() == IMPORTER), sources.toString());
        assertEquals(14, sources.size(), "7 filter-runs, 3 runs, 4 opref-runs");
        assertEquals(14, runs.size());
        assertEquals(7, runs.keySet().stream().filter(k -> k.startsWith("filter-runs/")).count());
        assertTrue(runs.values().stream().allMatch(r -> r.format().equals("guild")));
    }

    @Test
    void statusesAreGuildsOwn() {
        Map<String, String> words = new TreeMap<>();
        runs.forEach((k, r) -> {
            if (k.startsWith("filter-runs/")) {
                words.put(r.nativeId().substring(0, 8), r.tags().get("guild.status") + " " + r.status());
            }
        });
        assertEquals(Map.of(
                "2dc1529b", "terminated KILLED",
                "79ca9e64", "completed FINISHED",
                "a5520d13", "completed FINISHED",
                "ac99cff4", "pending SCHEDULED",
                "e394b696", "completed FINISHED",
                "fa6f74ad", "staged SCHEDULED",
                "fe83a924", "error FAILED"), words);
        assertEquals("-16", filterRun("2dc1529ba06c46fda486395a61475dbe").tags().get("guild.exit_status"));
        assertEquals("1", filterRun(FA6).tags().get("guild.exit_status"), "staged although it recorded exit 1");
        assertEquals("1", filterRun(FE8).tags().get("guild.exit_status"));
        assertEquals("0", filterRun("79ca9e64e4d7453f999a6bbd1e7c03f0").tags().get("guild.exit_status"));
    }

    @Test
    void theNominallyIdenticalPairHasTheSameFlagsAndSeed() {
        for (String id : List.of(FA6, FE8)) {
            Run run = filterRun(id);
            assertEquals(2, run.params().size());
            ParamValue noise = run.param("noise").value();
            assertEquals(ParamValue.Type.NUMBER, noise.type());
            assertEquals(0.1, noise.number());
            assertEquals(-1.0, run.param("x").value().number());
            assertEquals("-1.0", run.param("x").value().raw());
            assertEquals(List.of(new SeedRecord("random_seed", "1403141443", "guild.random_seed")), run.seeds());
            assertEquals("noise=0.1 x=-1.0", run.name());
            assertEquals("train", run.experiment());
            assertEquals("422297c77d46133fef0c9c8e11b456d2", run.code().sourceDigests().get(GuildCode.ALL_SOURCES));
            assertEquals("32001b882e707290cc988043abb9b99ddee94c25", run.code().sourceDigests().get("train.py"));
            assertEquals("/usr/bin/python -um guild.op_main train -- --noise 0.1 --x -1.0", run.tags().get("guild.cmd"));
        }
    }

    @Test
    void timesAreMicrosecondsSinceTheEpoch() {
        Run fa6 = filterRun(FA6);
        assertEquals(Instant.parse("2022-09-01T14:19:33.101393Z"), fa6.startTime());
        assertEquals(Instant.parse("2022-09-01T14:19:33.558547Z"), fa6.endTime());
        assertEquals(Instant.parse("2022-09-01T14:19:33.101394Z"), filterRun(FE8).startTime());
        assertEquals(Instant.parse("2017-09-30T16:53:39Z"), runs.get("runs/42803252919c495cbd65f292f1f156a0").startTime());
    }

    @Test
    void lossAtStepZeroComesFromTheEventFileInDotGuild() {
        assertLoss(0.5280320048332214, filterRun(FA6));
        assertLoss(0.5280320048332214, filterRun(FE8));
        assertLoss(0.478751003742218, filterRun("2dc1529ba06c46fda486395a61475dbe"));
        assertLoss(0.435140997171402, filterRun("79ca9e64e4d7453f999a6bbd1e7c03f0"));
    }

    @Test
    void utilTestRunsLeaveTheCopiedTargetRunOut() {
        for (String id : List.of("a5520d132b4148a5bad3c4f795b7c362", "e394b696ea204ade95ca29e4b868fdf9")) {
            Run run = filterRun(id);
            assertEquals(List.of(), run.metrics(), "target/.guild holds another run's loss");
            assertEquals("util:test", run.experiment());
            assertTrue(run.artifacts().contains("target/"), run.artifacts().toString());
        }
        assertEquals("2dc1529ba06c46fda486395a61475dbe",
                filterRun("a5520d132b4148a5bad3c4f795b7c362").data().get(0).digest());
        assertEquals("target=2dc1529b", filterRun("a5520d132b4148a5bad3c4f795b7c362").name());
    }

    @Test
    void readsThePlatformOfHostCalusa() {
        Run run = filterRun(FA6);
        assertEquals("calusa", run.host());
        assertEquals("3.8.10", run.environment().get(EnvironmentKeys.PYTHON));
        assertEquals("12", run.environment().get(EnvironmentKeys.CPU_COUNT));
        assertEquals("Linux 5.15.0-46-generic", run.environment().get(EnvironmentKeys.OS));
        assertEquals("garrett", run.user());
        assertEquals(List.of(), run.packages(), "the samples' guild.yml says pip-freeze: no");
    }

    @Test
    void minimalRunsSamplesImportWhatTheyHave() {
        Run pending = runs.get("runs/360192fdf9b74f2fad5f514e9f2fdadb");
        assertEquals(RunStatus.SCHEDULED, pending.status());
        assertEquals("mnist:train", pending.experiment());
        assertEquals("123", pending.environment().get("env.FOO"));
        assertEquals("abc", pending.environment().get("env.BAR"));
        assertNull(pending.endTime());
        assertEquals(RunStatus.FINISHED, runs.get("runs/42803252919c495cbd65f292f1f156a0").status());
        Run failed = runs.get("runs/7d145216ae874020b735f001a7bfd27d");
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(List.of(".guild/output"), failed.artifacts());
    }

    @Test
    void oprefSamplesNameTheirOperationAndTheInvalidOneIsAProblem() {
        assertEquals("test:go", runs.get("opref-runs/with_space").experiment());
        assertEquals("test:go", runs.get("opref-runs/guildfile").experiment());
        assertEquals("fashion:train", runs.get("opref-runs/package").experiment());
        Run invalid = runs.get("opref-runs/invalid");
        assertNull(invalid.experiment());
        assertEquals(RunStatus.UNKNOWN, invalid.status());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith("opref-runs/invalid/.guild/opref"), problems.toString());
        assertEquals(problems, invalid.problems());
    }

    @Test
    void readingLeavesTheTreeUnchanged() throws Exception {
        assertEquals(before, TreeSnapshot.of(root));
    }

    private static void assertLoss(double expected, Run run) {
        MetricSeries loss = run.metric("loss");
        assertEquals(1, run.metrics().size());
        assertEquals(1, loss.size());
        assertEquals(0, loss.steps()[0]);
        assertEquals(expected, loss.values()[0]);
        assertEquals(MetricSeries.NO_TIME, loss.wallTimes()[0]);
    }
}
