package org.reprodiff.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFinderTest {
    @Test
    void recognisesTheUsualSeedKeysAtAnyDepth() {
        for (String key : List.of("seed", "random_seed", "random_state", "trainer.seed_everything", "torch.manual_seed",
                "data.shuffle_seed", "model.initSeed")) {
            assertTrue(SeedFinder.isSeedKey(key), key);
        }
        for (String key : List.of("seeds_file", "seedling", "lr", "seed.path.name")) {
            assertFalse(SeedFinder.isSeedKey(key), key);
        }
    }

    @Test
    void findsNumericSeedParamsAndKeepsToolSeedsFirst() {
        List<Param> params = List.of(new Param("lr", ParamValue.fromText("0.1")),
                new Param("seed", ParamValue.fromText("42")),
                new Param("data.split_seed", ParamValue.fromText("None")),
                new Param("seed_strategy_seed", ParamValue.fromText("fixed")));
        List<SeedRecord> seeds = SeedFinder.find(params, List.of(new SeedRecord("seed", "42", "sacred")));
        assertEquals(List.of(new SeedRecord("seed", "42", "sacred"), new SeedRecord("data.split_seed", "None", "param")), seeds);
    }

    @Test
    void runsPassThroughItWhenBuilt() {
        Run run = Run.builder("t", "/s", "1").param("random_state", ParamValue.fromText("42")).build();
        assertEquals(List.of(new SeedRecord("random_state", "42", "param")), run.seeds());
        assertFalse(run.notCaptured().contains(Facet.SEEDS));
    }
}
