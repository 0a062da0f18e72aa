package org.reprodiff.ingest.tensorboard;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hand-built protobuf messages for the odd records {@code EventFileWriter} has no method for (tensors of every
 * kind, several values in one summary, unknown fields), and byte-level damage to files. Test code only.
 */
final class EventRecords {
    private EventRecords() {
    }

    @FunctionalInterface
    interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Event with {@code wall_time}, {@code step} and a Summary of the given {@code Summary.Value}s. */
    static byte[] event(double wallTime, long step, byte[]... values) {
        byte[] summary = message(o -> {
            for (byte[] v : values) {
                o.writeByteArray(1, v);
            }
        });
        return message(o -> {
            o.writeDouble(1, wallTime);
            o.writeInt64(2, step);
            o.writeByteArray(5, summary);
        });
    }

    /** A {@code Summary.Value} with its tag and whatever else {@code rest} writes. */
    static byte[] value(String tag, Body rest) {
        return message(o -> {
            o.writeString(1, tag);
            rest.write(o);
        });
    }

    /** A {@code Summary.Value} holding a tensor. */
    static byte[] tensorValue(String tag, byte[] tensor) {
        return value(tag, o -> o.writeByteArray(8, tensor));
    }

    /** A TensorProto of {@code dtype} and shape {@code dims} (none: rank 0) with the value fields {@code values} writes. */
    static byte[] tensor(int dtype, long[] dims, Body values) {
        byte[] shape = message(o -> {
            for (long d : dims) {
                o.writeByteArray(2, message(dim -> dim.writeInt64(1, d)));
            }
        });
        return message(o -> {
            o.writeEnum(1, dtype);
            o.writeByteArray(2, shape);
            values.write(o);
        });
    }

    /** A packed repeated field holding what {@code items} writes without tags. */
    static void packed(CodedOutputStream o, int field, Body items) throws IOException {
        o.writeByteArray(field, message(items));
    }

    /** Inverts every bit of the byte at {@code offset}. */
    static void flip(Path file, long offset) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(~b & 0xff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file to {@code length} bytes, as a crash mid-write leaves it. */
    static void cut(Path file, long length) {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
