package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;

/**
 * Damage done to copies of a real log (02hyc/VQ-VAE {@code run-6uznqj8h.wandb}, 173808 bytes, 158 history rows
 * at steps 0..157) in a temporary folder. The chunk layout used below was listed with a separate Python decoder:
 * block 1 (bytes 32768..65535) starts with the last chunk of a record begun in block 0, then its first history
 * row, step 30, as one FULL chunk at byte 32833; block 1 holds the rows of steps 30..59, and block 2 starts
 * with the end of a record begun in block 1, then the row of step 60 at byte 65570. Cutting the file at byte
 * 100000 leaves step 91 as the last complete row.
 */
class WandbFaultsTest {
    private static final String LOG = "02hyc__VQ-VAE/wandb/run-20250315_170908-6uznqj8h/run-6uznqj8h.wandb";

    @TempDir
    Path temp;

    private Path copy() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("run-20250315_170908-6uznqj8h"));
        return Files.copy(RealData.require("wandb").resolve(LOG), dir.resolve("run-6uznqj8h.wandb"));
    }

    private static Run read(Path log) {
        ImportResult result = new WandbImporter().read(log.getParent(), Progress.NONE);
        assertEquals(1, result.runs().size(), result.problems().toString());
        return result.runs().get(0);
    }

    @Test
    void aCorruptedChunkLosesOnlyTheRestOfItsBlock() throws IOException {
        Path log = copy();
        byte[] raw = Files.readAllBytes(log);
        raw[32_833 + 7 + 20] ^= 0x01;
        Files.write(log, raw);

        Run run = read(log);

        MetricSeries loss = run.metric("train_loss");
        long[] expected = new long[158 - LOST.length];
        int n = 0;
        for (long step = 0; step < 158; step++) {
            if (Arrays.binarySearch(LOST, step) < 0) {
                expected[n++] = step;
            }
        }
        assertArrayEquals(expected, loss.steps());
        ImportProblem p = run.problems().get(0);
        assertEquals("byte 32833", p.where());
        assertTrue(p.message().contains("checksum mismatch"), p.message());
        assertEquals(1, run.problems().size(), run.problems().toString());
        assertEquals(RunStatus.FAILED, run.status(), "the exit record at the end is still read");
    }

    /** The history rows of block 1 from the damaged chunk on (steps 30..59), as the Python decoder listed them. */
    private static final long[] LOST = java.util.stream.LongStream.rangeClosed(30, 59).toArray();

    @Test
    void aLogCutInTheMiddleOfARecordIsTruncatedAfterItsLastCompleteRow() throws IOException {
        Path log = copy();
        byte[] raw = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(raw, 100_000));

        Run run = read(log);

        assertTrue(run.truncated());
        assertEquals(RunStatus.KILLED, run.status());
        assertEquals(CUT_LAST_STEP, run.metric("train_loss").lastStep());
        assertTrue(run.problems().get(0).message().contains("truncated"));
    }

    /** The last history row that ends before byte 100000. */
    private static final long CUT_LAST_STEP = 91;

    @Test
    void aZeroByteLogIsAClearProblem() throws IOException {
        Path log = copy();
        Files.write(log, new byte[0]);
        Run run = read(log);
        assertTrue(run.truncated());
        assertEquals(List.of("empty file (0 bytes): the run wrote no records; read as truncated"),
                run.problems().stream().map(ImportProblem::message).toList());
    }
}
