package org.reprodiff.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Writes a large generic CSV metric log for the import benchmark, shaped as the CSV importer's convention wants
 * it ({@code org.reprodiff.ingest.csv.MetricLogConvention}): {@code FOLDER/logs/train_metrics.csv}, a header
 * {@code step,timestamp,train/loss,train/accuracy,val/loss,val/accuracy,lr,grad_norm,throughput}, then one row per
 * step with an integer step, an epoch-seconds timestamp and Python-formatted floats; {@code val/*} cells are empty
 * except on every 50th step. Rows are written until the file reaches the target size.
 *
 * <p>Invariants: the bytes are a function of the seed and the target size only; the file is the only one written.
 */
public final class MetricLogCsv {
    /** The series every row carries besides step and timestamp, in header order. */
    public static final String HEADER = "step,timestamp,train/loss,train/accuracy,val/loss,val/accuracy,lr,grad_norm,throughput";
    private static final double START = 1_701_680_400.0;

    /** What was written: the file, its size, and its data rows (one per step). */
    public record Written(Path file, long bytes, long rows) {
    }

    private MetricLogCsv() {
    }

    public static Written write(Path folder, long targetBytes, long seed) throws IOException {
        Path file = folder.resolve("logs").resolve("train_metrics.csv");
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        long size = HEADER.length() + 1;
        long rows = 0;
        double loss = 2.302585;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder row = new StringBuilder(160);
            while (size < targetBytes) {
                long step = rows;
                loss = loss * 0.99995 + 0.002 * (random.nextDouble() - 0.5);
                boolean validate = step % 50 == 0;
                row.setLength(0);
                row.append(step).append(',').append(PythonFloatFormat.repr(START + step * 0.125 + random.nextDouble() * 0.01))
                        .append(',').append(PythonFloatFormat.repr((float) loss))
                        .append(',').append(PythonFloatFormat.repr((float) (1 - loss / 2.5 + 0.01 * random.nextDouble())))
                        .append(',').append(validate ? PythonFloatFormat.repr((float) (loss * 1.1)) : "")
                        .append(',').append(validate ? PythonFloatFormat.repr((float) (1 - loss / 2.4)) : "")
                        .append(',').append(PythonFloatFormat.repr(3e-4 * Math.cos(step * 1e-5)))
                        .append(',').append(PythonFloatFormat.repr((float) (1 + random.nextDouble())))
                        .append(',').append(PythonFloatFormat.repr(Math.round(2000 + 100 * random.nextDouble()) / 10.0))
                        .append('\n');
                out.append(row);
                size += row.length();
                rows++;
            }
        }
        return new Written(file, Files.size(file), rows);
    }
}
