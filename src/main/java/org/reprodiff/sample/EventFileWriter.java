package org.reprodiff.sample;

import com.google.protobuf.CodedOutputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Writes a TensorBoard event file as TensorBoard's and PyTorch's writers do (FORMATS.md 3.2–3.4): TFRecord framing
 * ({@code uint64 length | masked CRC-32C of the length | data | masked CRC-32C of the data}, little-endian), a first
 * Event holding {@code file_version = "brain.Event:2"}, then one Event per call. Messages are encoded with
 * protobuf-java's {@link CodedOutputStream} in field-number order, and fields at their proto3 default (a step of 0)
 * are left out, as protobuf's own serializers do.
 *
 * <p>Invariants: it never reads the clock (every wall time is given), so the same calls give the same bytes; it
 * creates a new file and refuses to overwrite one; scalar tensors carry the {@code scalars} plugin metadata on the
 * first occurrence of their tag only, as TensorFlow 2 writes them. Not thread-safe.
 */
public final class EventFileWriter implements Closeable {
    /** The {@code file_version} of the first record. */
    public static final String FILE_VERSION = "brain.Event:2";

    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;
    private static final int MASK_DELTA = 0xa282ead8;

    /** How {@link #tensorScalar} stores its value in the TensorProto. */
    public enum TensorEncoding { FLOAT_VAL, DOUBLE_VAL, FLOAT_CONTENT, DOUBLE_CONTENT }

    /** {@code SessionEndInfo.status} of the hparams plugin. */
    public enum SessionStatus { UNKNOWN, SUCCESS, FAILURE, RUNNING }

    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[12];
    private final byte[] footer = new byte[4];
    private final Set<String> taggedScalars = new HashSet<>();
    private long size;

    private EventFileWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates {@code file} (which must not exist) and writes the {@code file_version} record at {@code wallTime}. */
    public static EventFileWriter create(Path file, double wallTime) throws IOException {
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
        EventFileWriter writer = new EventFileWriter(stream);
        try {
            writer.fileVersion(wallTime);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
        return writer;
    }

    /** The name TensorBoard's and PyTorch's writers give: {@code events.out.tfevents.<%010d time>.<host>.<pid>.<uid>}. */
    public static String fileName(long epochSeconds, String host, long pid, long uid) {
        return String.format("events.out.tfevents.%010d.%s.%d.%d", epochSeconds, host, pid, uid);
    }

    /** A scalar as {@code simple_value} (a 32-bit float), like PyTorch's default {@code add_scalar}. */
    public EventFileWriter scalar(String tag, long step, float value, double wallTime) throws IOException {
        int valueSize = CodedOutputStream.computeStringSize(1, tag) + CodedOutputStream.computeFloatSize(2, value);
        int summarySize = CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(valueSize)
                + valueSize;
        int eventSize = CodedOutputStream.computeDoubleSize(1, wallTime)
                + (step != 0 ? CodedOutputStream.computeInt64Size(2, step) : 0)
                + CodedOutputStream.computeTagSize(5) + CodedOutputStream.computeUInt32SizeNoTag(summarySize)
                + summarySize;
        byte[] data = new byte[eventSize];
        CodedOutputStream o = CodedOutputStream.newInstance(data);
        o.writeDouble(1, wallTime);
        if (step != 0) {
            o.writeInt64(2, step);
        }
        o.writeTag(5, 2);
        o.writeUInt32NoTag(summarySize);
        o.writeTag(1, 2);
        o.writeUInt32NoTag(valueSize);
        o.writeString(1, tag);
        o.writeFloat(2, value);
        o.checkNoSpaceLeft();
        return record(data);
    }

    /** A rank-0 tensor scalar, as TensorFlow 2's {@code tf.summary.scalar} or PyTorch's {@code new_style=True}. */
    public EventFileWriter tensorScalar(String tag, long step, double value, TensorEncoding encoding, double wallTime)
            throws IOException {
        byte[] tensor = message(o -> {
            boolean isFloat = encoding == TensorEncoding.FLOAT_VAL || encoding == TensorEncoding.FLOAT_CONTENT;
            o.writeEnum(1, isFloat ? DT_FLOAT : DT_DOUBLE);
            o.writeByteArray(2, new byte[0]);
            switch (encoding) {
                case FLOAT_VAL -> o.writeByteArray(5, message(p -> p.writeFloatNoTag((float) value)));
                case DOUBLE_VAL -> o.writeByteArray(6, message(p -> p.writeDoubleNoTag(value)));
                case FLOAT_CONTENT -> o.writeByteArray(4, message(p -> p.writeFixed32NoTag(Float.floatToRawIntBits((float) value))));
                case DOUBLE_CONTENT -> o.writeByteArray(4, message(p -> p.writeFixed64NoTag(Double.doubleToRawLongBits(value))));
            }
        });
        byte[] metadata = taggedScalars.add(tag) ? pluginMetadata("scalars", new byte[0]) : null;
        return summary(step, wallTime, message(o -> {
            o.writeString(1, tag);
            o.writeByteArray(8, tensor);
            if (metadata != null) {
                o.writeByteArray(9, metadata);
            }
        }));
    }

    /**
     * The hparams plugin's session start info ({@code _hparams_/session_start_info}, step 0): each value is a
     * {@code google.protobuf.Value}: a {@link Number} becomes {@code number_value}, a {@link Boolean}
     * {@code bool_value}, a {@link CharSequence} {@code string_value}, null {@code null_value}, a {@link List}
     * {@code list_value}. {@code startTimeSecs} of 0 is left out.
     */
    public EventFileWriter sessionStartInfo(Map<String, ?> hparams, double startTimeSecs, double wallTime)
            throws IOException {
        byte[] info = message(o -> {
            for (Map.Entry<String, ?> e : hparams.entrySet()) {
                byte[] value = protoValue(e.getValue());
                o.writeByteArray(1, message(entry -> {
                    entry.writeString(1, e.getKey());
                    entry.writeByteArray(2, value);
                }));
            }
            if (startTimeSecs != 0) {
                o.writeDouble(5, startTimeSecs);
            }
        });
        return hparamsSummary("_hparams_/session_start_info", 3, info, wallTime);
    }

    /** The hparams plugin's session end info ({@code _hparams_/session_end_info}); {@code endTimeSecs} 0 is left out. */
    public EventFileWriter sessionEndInfo(SessionStatus status, double endTimeSecs, double wallTime) throws IOException {
        byte[] info = message(o -> {
            if (status != SessionStatus.UNKNOWN) {
                o.writeEnum(1, status.ordinal());
            }
            if (endTimeSecs != 0) {
                o.writeDouble(2, endTimeSecs);
            }
        });
        return hparamsSummary("_hparams_/session_end_info", 4, info, wallTime);
    }

    /** The hparams plugin's experiment ({@code _hparams_/experiment}): hparam names and metric tags only. */
    public EventFileWriter experiment(Collection<String> hparamNames, Collection<String> metricTags, double wallTime)
            throws IOException {
        byte[] experiment = message(o -> {
            for (String name : hparamNames) {
                o.writeByteArray(4, message(info -> info.writeString(1, name)));
            }
            for (String tag : metricTags) {
                byte[] metricName = message(n -> n.writeString(2, tag));
                o.writeByteArray(5, message(info -> info.writeByteArray(1, metricName)));
            }
        });
        return hparamsSummary("_hparams_/experiment", 2, experiment, wallTime);
    }

    /** An image summary ({@code Summary.Value.image}) holding {@code encoded} as its image bytes. */
    public EventFileWriter image(String tag, long step, int width, int height, byte[] encoded, double wallTime)
            throws IOException {
        byte[] image = message(o -> {
            o.writeInt32(1, height);
            o.writeInt32(2, width);
            o.writeInt32(3, 3);
            o.writeByteArray(4, encoded);
        });
        return summary(step, wallTime, message(o -> {
            o.writeString(1, tag);
            o.writeByteArray(4, image);
        }));
    }

    /** An Event holding a serialized graph ({@code graph_def}); the bytes are written as given. */
    public EventFileWriter graphDef(byte[] graph, double wallTime) throws IOException {
        return record(message(o -> {
            o.writeDouble(1, wallTime);
            o.writeByteArray(4, graph);
        }));
    }

    /** Frames {@code data} as one record with correct checksums, whatever the bytes are. */
    public EventFileWriter record(byte[] data) throws IOException {
        long length = data.length;
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (length >>> (8 * i));
        }
        putInt(header, 8, maskedCrc(header, 0, 8));
        putInt(footer, 0, maskedCrc(data, 0, data.length));
        out.write(header);
        out.write(data);
        out.write(footer);
        size += 16L + data.length;
        return this;
    }

    /** The bytes written so far. */
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** TensorFlow's masked CRC-32C: the CRC rotated right by 15 bits plus {@code 0xa282ead8}. */
    public static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        int v = (int) c.getValue();
        return ((v >>> 15) | (v << 17)) + MASK_DELTA;
    }

    private void fileVersion(double wallTime) throws IOException {
        record(message(o -> {
            o.writeDouble(1, wallTime);
            o.writeString(3, FILE_VERSION);
        }));
    }

    private EventFileWriter hparamsSummary(String tag, int field, byte[] payload, double wallTime) throws IOException {
        byte[] content = message(o -> o.writeByteArray(field, payload));
        byte[] metadata = pluginMetadata("hparams", content);
        return summary(0, wallTime, message(o -> {
            o.writeString(1, tag);
            o.writeByteArray(9, metadata);
        }));
    }

    private EventFileWriter summary(long step, double wallTime, byte[] value) throws IOException {
        byte[] summary = message(o -> o.writeByteArray(1, value));
        return record(message(o -> {
            o.writeDouble(1, wallTime);
            if (step != 0) {
                o.writeInt64(2, step);
            }
            o.writeByteArray(5, summary);
        }));
    }

    private static byte[] pluginMetadata(String plugin, byte[] content) throws IOException {
        byte[] pluginData = message(o -> {
            o.writeString(1, plugin);
            if (content.length > 0) {
                o.writeByteArray(2, content);
            }
        });
        return message(o -> o.writeByteArray(1, pluginData));
    }

    private static byte[] protoValue(Object v) throws IOException {
        return message(o -> {
            if (v == null) {
                o.writeEnum(1, 0);
            } else if (v instanceof Boolean b) {
                o.writeBool(4, b);
            } else if (v instanceof Number n) {
                o.writeDouble(2, n.doubleValue());
            } else if (v instanceof CharSequence s) {
                o.writeString(3, s.toString());
            } else if (v instanceof List<?> items) {
                byte[] list = message(l -> {
                    for (Object item : items) {
                        l.writeByteArray(1, protoValue(item));
                    }
                });
                o.writeByteArray(6, list);
            } else {
                throw new IllegalArgumentException("not an hparams value: " + v.getClass().getName());
            }
        });
    }

    /** Encodes a message body once, into a growable buffer. */
    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        CodedOutputStream o = CodedOutputStream.newInstance(bytes, 256);
        body.write(o);
        o.flush();
        return bytes.toByteArray();
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }
}
