package org.reprodiff.sample;

import org.reprodiff.model.PythonFloatFormat;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprodiff.sample.WandbRecordEncoder.Item;
import org.reprodiff.sample.WandbRecordEncoder.Message;

/**
 * Writes a large synthetic {@code .wandb} log shaped like a wandb-core training run, for the history import
 * benchmark: a header, a run record with its config, telemetry, then one history record per step (nested keys
 * {@code train/loss}, {@code train/accuracy}, {@code lr}, {@code grad_norm}, {@code epoch}, every 50th step
 * {@code val/loss} and {@code val/accuracy}, plus {@code _runtime}, {@code _timestamp} and {@code _step}), each
 * followed by the summary update wandb-core emits, a system-metrics record every 200 steps, and an exit
 * record. Values are float32 losses widened to double and written as Python's {@code json.dumps} writes them.
 *
 * <p>Invariants: the bytes are a function of the seed and the target size only (no clock). Optionally every
 * {@code value_json} text of the history records is also written, one per line, so that other JSON readers
 * can be timed on exactly the same values.
 */
public final class WandbSyntheticLog {
    private static final long START = 1_701_680_400L;

    /** What was written: rows, file bytes, and the bytes of the history values. */
    public record Written(long rows, long bytes, long valueBytes) {
    }

    private WandbSyntheticLog() {
    }

    /** Writes rows until the file reaches {@code targetBytes}; {@code values} (may be null) gets the value texts. */
    public static Written write(Path file, long seed, long targetBytes, Path values) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long valueBytes = 0;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             Writer valueOut = values == null ? Writer.nullWriter()
                     : new BufferedWriter(Files.newBufferedWriter(values, StandardCharsets.UTF_8), 1 << 16)) {
            WandbLogWriter log = new WandbLogWriter(out);
            long num = 1;
            log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.HEADER, WandbRecordEncoder.header("0.19.8")));
            Message config = WandbRecordEncoder.items(1, List.of(Item.flat("_wandb", "{}"),
                    Item.flat("learning_rate", "0.0003"), Item.flat("batch_size", "128"), Item.flat("seed", "1234"),
                    Item.flat("optimizer", "{\"name\": \"adamw\", \"weight_decay\": 0.01}")));
            log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.RUN, new Message().string(1, "synth0001")
                    .string(3, "benchmark").message(4, config).message(17, WandbRecordEncoder.timestamp(START, 0))));
            log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.TELEMETRY,
                    WandbRecordEncoder.telemetry(List.of(1, 41), "3.11.7", "0.19.8")));
            double loss = 2.302585;
            while (log.size() < targetBytes) {
                long step = rows;
                loss = loss * 0.99995 + 0.002 * (random.nextDouble() - 0.5);
                List<Item> items = new ArrayList<>(10);
                items.add(Item.nested(json((float) loss), "train/loss"));
                items.add(Item.nested(json((float) (1 - loss / 2.5 + 0.01 * random.nextDouble())), "train/accuracy"));
                items.add(Item.nested(json(3e-4 * Math.cos(step * 1e-5)), "lr"));
                items.add(Item.nested(json((float) (1 + random.nextDouble())), "grad_norm"));
                items.add(Item.nested(Long.toString(step / 1000), "epoch"));
                if (step % 50 == 0) {
                    items.add(Item.nested(json((float) (loss * 1.1)), "val/loss"));
                    items.add(Item.nested(json((float) (1 - loss / 2.4)), "val/accuracy"));
                }
                double runtime = step * 0.125 + random.nextDouble() * 0.01;
                items.add(Item.nested(json(runtime), "_runtime"));
                items.add(Item.nested(json(START + runtime), "_timestamp"));
                items.add(Item.nested(Long.toString(step), "_step"));
                for (Item item : items) {
                    valueOut.write(item.valueJson());
                    valueOut.write('\n');
                    valueBytes += item.valueJson().length();
                }
                log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.HISTORY,
                        WandbRecordEncoder.history(items, step)));
                log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.SUMMARY,
                        WandbRecordEncoder.items(1, items)));
                if (step % 200 == 0) {
                    log.write(WandbRecordEncoder.record(num++, WandbRecordEncoder.STATS,
                            WandbRecordEncoder.stats(START + step / 8, 0, List.of(
                                    new String[] {"cpu", json(20 + 10 * random.nextDouble())},
                                    new String[] {"gpu.0.gpu", json(90 + 5 * random.nextDouble())},
                                    new String[] {"gpu.0.memoryAllocated", json(70 + random.nextDouble())}))));
                }
                rows++;
            }
            log.write(WandbRecordEncoder.record(num, WandbRecordEncoder.EXIT,
                    WandbRecordEncoder.exit(0, (int) (rows / 8))));
            log.finish();
        }
        return new Written(rows, Files.size(file), valueBytes);
    }

    /** A double as Python's {@code json.dumps} writes it. */
    static String json(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloatFormat.repr(v);
    }
}
