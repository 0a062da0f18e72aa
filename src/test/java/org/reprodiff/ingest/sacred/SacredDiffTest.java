package org.reprodiff.ingest.sacred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Run;
import org.reprodiff.testing.RealData;

/**
 * Issue 6's diff check: ml-pws runs 1 and 2 have configs that differ only in {@code seed}, yet their
 * {@code run.json} files show that the main source file's digest changed and that run 2 recorded a data resource
 * run 1 did not. All three are causes, the code change first.
 */
class SacredDiffTest {
    @Test
    void mlPwsRunsOneAndTwoDifferInSeedSourceDigestAndDataResourceWithTheCodeFirst() throws Exception {
        Path runs = RealData.require("sacred/manuel-rhdt__ml-pws/runs");
        Map<String, Run> imported = SacredRealDataTest.importAll(new SacredImporter(), runs);
        Run a = imported.get("1");
        Run b = imported.get("2");

        Comparison c = new RunDiffer().compare(a, b, DiffOptions.DEFAULTS, List.of(a));

        assertEquals(Verdict.EXPLAINED, c.verdict());
        assertEquals(0, c.params().differences().size(), "the configs differ only in the seed, a seed difference");
        List<String> causes = c.causes().stream().map(x -> x.facet() + " " + x.key() + " " + x.a() + " -> " + x.b()).toList();
        assertEquals(List.of(
                "code source:01-model-size.py 5fabc5730bdaa41255e5a12d1a20618a -> ae84fb7e47335dfc929c44e5f77ec080",
                "data /data/volume_2/ml-pws/data/gaussian_data.pt null -> 9c245717ccc76eae8c24740276bb1775",
                "seeds seed 594583207 -> 233593618"), causes);
        Cause first = c.causes().get(0);
        assertEquals("code", first.facet(), "the code change is ranked first");
        assertTrue(first.weight() > c.causes().get(1).weight(), c.causes().toString());
    }
}
