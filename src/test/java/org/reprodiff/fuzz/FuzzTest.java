package org.reprodiff.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded fuzzing pass of every reader in the normal test run ({@value FuzzCampaign#DEFAULT_CASES} seeded
 * cases each unless {@code -Dreprodiff.fuzz.cases} says otherwise): nothing escapes a reader, no case hangs.
 * The long run is {@link FuzzCampaign#main}.
 */
class FuzzTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> noMutantEscapesAReader() throws IOException {
        return FuzzTargets.all(work).stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            FuzzCampaign.Outcome outcome = FuzzCampaign.run(t.name(), t.seed(), t.target(), FuzzCampaign.DEFAULT_CASES, 20261127L);
            assertEquals(List.of(), outcome.failures());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSeedsThemselvesAreRead() throws IOException {
        return FuzzTargets.all(work).stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> t.target().read(t.seed())));
    }
}
