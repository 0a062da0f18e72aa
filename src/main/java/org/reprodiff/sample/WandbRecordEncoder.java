package org.reprodiff.sample;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes W&B {@code wandb_internal.Record}s with protobuf-java's {@link CodedOutputStream}, using the field
 * numbers of {@code wandb/proto/wandb_internal.proto} (FORMATS.md 2.3). {@link Message} builds any message
 * field by field (tests use it for odd and unknown fields); the static methods build the records a run writes.
 * Fields are written in the order given; the helpers give them in field-number order, as Go's marshaller does.
 */
public final class WandbRecordEncoder {

    /** Record field numbers of the record types. */
    public static final int HISTORY = 2;
    public static final int SUMMARY = 3;
    public static final int OUTPUT = 4;
    public static final int CONFIG = 5;
    public static final int FILES = 6;
    public static final int STATS = 7;
    public static final int TELEMETRY = 11;
    public static final int METRIC = 12;
    public static final int OUTPUT_RAW = 13;
    public static final int RUN = 17;
    public static final int EXIT = 18;
    public static final int HEADER = 21;
    public static final int ENVIRONMENT = 26;

    /** One history, summary or config item: a {@code nested_key} path (or a flat {@code key}) and its JSON. */
    public record Item(List<String> nestedKey, String key, String valueJson) {
        public static Item nested(String valueJson, String... path) {
            return new Item(List.of(path), null, valueJson);
        }

        public static Item flat(String key, String valueJson) {
            return new Item(List.of(), key, valueJson);
        }

        byte[] encode() {
            Message m = new Message();
            if (key != null) {
                m.string(1, key);
            }
            nestedKey.forEach(k -> m.string(2, k));
            return m.string(16, valueJson).bytes();
        }
    }

    /** A protobuf message built field by field. */
    public static final class Message {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buf, 256);

        public Message string(int field, String value) {
            return io(() -> out.writeString(field, value));
        }

        public Message bytes(int field, byte[] value) {
            return io(() -> out.writeByteArray(field, value));
        }

        public Message message(int field, Message value) {
            return bytes(field, value.bytes());
        }

        public Message int64(int field, long value) {
            return io(() -> out.writeInt64(field, value));
        }

        public Message int32(int field, int value) {
            return io(() -> out.writeInt32(field, value));
        }

        public Message bool(int field, boolean value) {
            return io(() -> out.writeBool(field, value));
        }

        public Message fixed64(int field, long value) {
            return io(() -> out.writeFixed64(field, value));
        }

        public byte[] bytes() {
            io(out::flush);
            return buf.toByteArray();
        }

        private interface Step {
            void run() throws IOException;
        }

        private Message io(Step step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    private WandbRecordEncoder() {
    }

    /** A Record: {@code num}=1, then the record type's field. */
    public static byte[] record(long num, int typeField, Message body) {
        return new Message().int64(1, num).message(typeField, body).bytes();
    }

    public static Message items(int field, List<Item> items) {
        Message m = new Message();
        items.forEach(i -> m.bytes(field, i.encode()));
        return m;
    }

    /** A HistoryRecord; {@code step} null leaves the step field out (wandb-core auto steps). */
    public static Message history(List<Item> items, Long step) {
        Message m = items(1, items);
        if (step != null) {
            m.message(2, step == 0 ? new Message() : new Message().int64(1, step));
        }
        return m;
    }

    public static Message timestamp(long seconds, int nanos) {
        Message m = new Message();
        if (seconds != 0) {
            m.int64(1, seconds);
        }
        if (nanos != 0) {
            m.int32(2, nanos);
        }
        return m;
    }

    /** A StatsRecord (system metrics) at a time, with {@code key}=1, {@code value_json}=16 items. */
    public static Message stats(long seconds, int nanos, List<String[]> keyValues) {
        Message m = new Message().message(2, timestamp(seconds, nanos));
        for (String[] kv : keyValues) {
            m.message(3, new Message().string(1, kv[0]).string(16, kv[1]));
        }
        return m;
    }

    /** A MetricRecord ({@code define_metric}): {@code name} or {@code glob}, and its step metric. */
    public static Message metric(String name, String glob, String stepMetric) {
        Message m = new Message();
        if (name != null) {
            m.string(1, name);
        }
        if (glob != null) {
            m.string(2, glob);
        }
        if (stepMetric != null) {
            m.string(4, stepMetric);
            m.message(6, new Message().bool(1, true));
        }
        return m;
    }

    public static Message exit(int code, int runtimeSeconds) {
        Message m = new Message();
        if (code != 0) {
            m.int32(1, code);
        }
        if (runtimeSeconds != 0) {
            m.int32(2, runtimeSeconds);
        }
        return m;
    }

    public static Message header(String producer) {
        return new Message().message(1, new Message().string(1, producer));
    }

    public static Message files(List<String> paths) {
        Message m = new Message();
        paths.forEach(p -> m.message(1, new Message().string(1, p).int32(3, 1)));
        return m;
    }

    /** A TelemetryRecord: imported framework field numbers, Python and SDK versions. */
    public static Message telemetry(List<Integer> imports, String python, String sdk) {
        Message importsMessage = new Message();
        imports.forEach(i -> importsMessage.bool(i, true));
        return new Message().message(1, importsMessage).message(2, importsMessage).string(4, python)
                .string(5, sdk);
    }
}
