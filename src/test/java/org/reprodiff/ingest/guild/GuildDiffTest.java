package org.reprodiff.ingest.guild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.testing.RealData;

/**
 * Guild runs through the diff engine: {@code fa6f74ad} and {@code fe83a924} of Guild's {@code filter-runs}
 * samples ran the same operation with the same flags ({@code noise=0.1}, {@code x=-1.0}), the same
 * {@code random_seed} 1403141443 and the same source digests on the same host, and logged the same loss
 * (0.528032); {@code 79ca9e64} ran with {@code x=0.1} and logged 0.435141.
 */
class GuildDiffTest {
    private static final String SAMPLES = "fixtures/guildai__guildai/guild/tests/samples/filter-runs";
    private final GuildImporter importer = new GuildImporter();
    private final RunDiffer differ = new RunDiffer();

    @Test
    void theNominallyIdenticalPairShowsSameFlagsAndSeedAndIsReproduced() {
        Path dir = RealData.require(SAMPLES);
        Run a = read(dir.resolve("fa6f74adb50a4abb8f49840993f081f7"));
        Run b = read(dir.resolve("fe83a924ae144693a72b420962a7d9d1"));
        Comparison c = differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a));

        assertFalse(c.params().differs(), c.params().toString());
        assertEquals(2, c.params().equal(), "noise and x");
        assertFalse(c.seeds().differs(), c.seeds().toString());
        assertEquals(1, c.seeds().equal(), "random_seed");
        assertFalse(c.code().differs(), c.code().toString());
        assertFalse(c.environment().differs(), c.environment().toString());
        assertEquals(List.of(), c.causes());
        MetricDiff loss = c.metrics().get(0);
        assertEquals("loss", loss.key());
        assertFalse(loss.diverges());
        assertEquals(Verdict.REPRODUCED, c.verdict());
    }

    @Test
    void aDifferentFlagIsTheCauseOfADifferentLoss() {
        Path dir = RealData.require(SAMPLES);
        Run a = read(dir.resolve("fa6f74adb50a4abb8f49840993f081f7"));
        Run b = read(dir.resolve("79ca9e64e4d7453f999a6bbd1e7c03f0"));
        Comparison c = differ.compare(a, b, DiffOptions.DEFAULTS, List.of(a));

        assertTrue(c.params().differs());
        assertEquals("x", c.params().differences().get(0).key());
        assertEquals("-1.0", c.params().differences().get(0).a());
        assertEquals("0.1", c.params().differences().get(0).b());
        assertFalse(c.seeds().differs());
        assertEquals(1, c.causes().size(), c.causes().toString());
        assertEquals("x", c.causes().get(0).key());
        assertEquals(Verdict.EXPLAINED, c.verdict());
    }

    private Run read(Path unit) {
        return importer.read(unit, Progress.NONE).runs().get(0);
    }
}
