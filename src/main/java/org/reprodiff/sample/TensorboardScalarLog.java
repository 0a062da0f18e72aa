package org.reprodiff.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large TensorBoard scalar event file for the import benchmark: {@code events} {@code simple_value}
 * events spread round-robin over {@code tags} tags named {@code metric/t00}, {@code metric/t01}, ..., each tag a
 * seeded random walk with steps 0, 1, 2, ... and wall times 1 ms apart. Two million events over ten tags make
 * about 100 MB.
 *
 * <p>Invariants: the bytes are a function of the arguments only (no clock); {@code folder} receives exactly one
 * file, named as TensorFlow names event files, so the folder is one TensorBoard run.
 */
public final class TensorboardScalarLog {
    private static final double START = 1_700_000_000.0;

    /** What was written: the event file and its size in bytes. */
    public record Written(Path file, long bytes, long events, int tags) {
    }

    private TensorboardScalarLog() {
    }

    public static Written write(Path folder, long events, int tags, long seed) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(EventFileWriter.fileName((long) START, "benchmark", 1, 0));
        String[] names = new String[tags];
        for (int t = 0; t < tags; t++) {
            names[t] = String.format(Locale.ROOT, "metric/t%02d", t);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] level = new float[tags];
        try (EventFileWriter w = EventFileWriter.create(file, START)) {
            for (long i = 0; i < events; i++) {
                int t = (int) (i % tags);
                level[t] += (float) ((random.nextDouble() - 0.5) * 0.02);
                w.scalar(names[t], i / tags, level[t], START + i * 0.001);
            }
        }
        return new Written(file, Files.size(file), events, tags);
    }
}
