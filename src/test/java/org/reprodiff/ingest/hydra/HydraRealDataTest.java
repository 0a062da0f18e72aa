package org.reprodiff.ingest.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * The Hydra outputs of {@code ../shared/realdata/hydra/1ayham1__genre_classification} (Hydra 1.0.6, 13
 * launches in {@code outputs/<date>/<time>/}), read in place through the project scanner. The facts asserted
 * were read from the files with shell tools ({@code cat}, {@code diff}, a YAML leaf count).
 */
class HydraRealDataTest {
    private static final HydraImporter IMPORTER = new HydraImporter(ZoneOffset.UTC);
    private static Path root;
    private static Map<String, String> before;
    private static List<ProjectScanner.Source> sources;
    private static Map<String, Run> runs;
    private static List<ImportProblem> problems;

    @BeforeAll
    static void readAll() throws Exception {
        root = RealData.require("hydra/1ayham1__genre_classification");
        before = TreeSnapshot.of(root);
        sources = new ProjectScanner(new ImporterCatalog(List.of(IMPORTER))).scan(root, Progress.NONE).sources();
        runs = new TreeMap<>();
        problems = new java.util.ArrayList<>();
        for (ProjectScanner.Source source : sources) {
            for (Path unit : IMPORTER.units(source.path())) {
                ImportResult result = IMPORTER.read(unit, Progress.NONE);
                problems.addAll(result.problems());
                result.runs().forEach(r -> runs.put(r.nativeId(), r));
            }
        }
    }

    @Test
    void findsThirteenLaunchesAndNotTheProjectsOwnConfig() {
        assertEquals(13, sources.size());
        assertEquals(13, runs.size());
        assertFalse(IMPORTER.canRead(root), "the project's config.yaml is its Hydra config, not a run");
        assertEquals(List.of(), problems);
    }

    @Test
    void readsTheOverrideOfALaunchAsArgumentsTagAndConfig() {
        Run run = runs.get("2021-08-14/18-28-19");
        assertEquals(List.of("main.execute_steps='download,preprocess'"), run.code().args());
        assertEquals("main.execute_steps='download,preprocess'", run.tags().get("hydra.overrides"));
        ParamValue steps = run.param("main.execute_steps").value();
        assertEquals(ParamValue.Type.STRING, steps.type());
        assertEquals("download,preprocess", steps.raw());
    }

    @Test
    void launchWithoutOverridesKeepsTheListOfSteps() {
        Run run = runs.get("2021-08-14/17-19-04");
        assertEquals(List.of(), run.code().args());
        ParamValue steps = run.param("main.execute_steps").value();
        assertEquals(ParamValue.Type.LIST, steps.type());
        assertEquals(6, steps.items().size());
        assertEquals("[download, preprocess, check_data, segregate, random_forest, evaluate]", steps.raw());
    }

    @Test
    void readsKnownConfigValuesAndSeeds() {
        Run run = runs.get("2021-08-15/21-07-55");
        assertEquals(34, run.params().size());
        assertEquals("genre_classification_prod", run.param("main.project_name").value().raw());
        assertEquals(List.of("main.project_name=genre_classification_prod"), run.code().args());
        assertEquals(13.0, run.param("random_forest_pipeline.random_forest.max_depth").value().number());
        assertEquals(0.05, run.param("data.ks_alpha").value().number());
        assertEquals(ParamValue.Type.NULL, run.param("random_forest_pipeline.random_forest.max_samples").value().type());
        assertEquals(List.of(new SeedRecord("main.random_seed", "42", "param"),
                new SeedRecord("random_forest_pipeline.random_forest.random_state", "42", "param")), run.seeds());
    }

    @Test
    void everyLaunchIsJobMainOfHydra106StartedAtItsFolderTime() {
        long withOverrides = runs.values().stream().filter(r -> !r.code().args().isEmpty()).count();
        assertEquals(5, withOverrides);
        for (Run run : runs.values()) {
            assertEquals("main", run.name());
            assertEquals("main", run.code().program());
            assertEquals("1.0.6", run.environment().get(EnvironmentKeys.FRAMEWORK_PREFIX + "hydra"));
            assertNull(run.experiment());
            assertFalse(run.params().stream().anyMatch(p -> p.key().startsWith("hydra.")));
        }
        assertEquals(Instant.parse("2021-08-14T17:19:04Z"), runs.get("2021-08-14/17-19-04").startTime());
        assertEquals(List.of("random_forest_config.yml"), runs.get("2021-08-14/18-23-45").artifacts());
        assertEquals(List.of(), runs.get("2021-08-14/18-28-19").artifacts());
    }

    @Test
    void readingLeavesTheTreeUnchanged() throws Exception {
        assertEquals(before, TreeSnapshot.of(root));
    }
}
