package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.testing.RealData;

/**
 * The event file writer against real files (byte for byte) and against protobuf-java's generic
 * {@link UnknownFieldSet} parser, which knows nothing of TensorBoard's messages: no code of the importer is used.
 */
class EventFileWriterTest {
    private static final String PYTORCH_CHILD = "tensorboard/GiulioZani__facial-expression-recognition/lightning_logs/"
            + "version_13/train_performance_Accuracy";
    private static final String KERAS_TRAIN = "mlflow_mlruns/10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns/1/"
            + "ed05f9cd599442fe9a0c9222184710b8/artifacts/tensorboard_logs/train";

    @TempDir
    Path dir;

    @Test
    void masksTheCastagnoliChecksumOfTheCheckString() {
        // CRC-32C("123456789") = 0xE3069283; rotated right by 15: 0x2507C60D; plus 0xA282EAD8 (mod 2^32): 0xC78AB0E5
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xc78ab0e5, EventFileWriter.maskedCrc(check, 0, check.length));
    }

    @Test
    void fileVersionRecordIsByteForByteTheProfilersEmptyFile() throws IOException {
        Path real = only(RealData.require(KERAS_TRAIN), "*.profile-empty");
        Path mine = dir.resolve("events.out.tfevents.profile-empty");
        EventFileWriter.create(mine, 1628697787.0).close();
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(mine));
    }

    @Test
    void scalarIsByteForBytePytorchsAddScalars() throws IOException {
        Path real = only(RealData.require(PYTORCH_CHILD), "events.out.tfevents.*");
        assertEquals(real.getFileName().toString(), EventFileWriter.fileName(1653231894L, "192.168.2.97", 12234, 23));
        Path mine = dir.resolve("events");
        try (EventFileWriter w = EventFileWriter.create(mine, 1653231894.6993852)) {
            w.scalar("train_performance", 1180, 0.15922744572162628f, 1653231894.6991618);
            assertEquals(96, w.size());
        }
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(mine));
    }

    @Test
    void refusesToOverwriteAFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("events.out.tfevents.1"), "keep");
        assertThrows(FileAlreadyExistsException.class, () -> EventFileWriter.create(existing, 1.0));
        assertEquals("keep", Files.readString(existing));
    }

    @Test
    void sessionStartInfoCarriesTypedValuesInTheHparamsPlugin() throws IOException {
        Path file = dir.resolve("events");
        Map<String, Object> hparams = new LinkedHashMap<>();
        hparams.put("lr", 0.001);
        hparams.put("optimizer", "adam");
        hparams.put("amp", true);
        try (EventFileWriter w = EventFileWriter.create(file, 10.0)) {
            w.sessionStartInfo(hparams, 9.5, 10.0);
        }
        List<byte[]> records = records(file);
        assertEquals(2, records.size());
        UnknownFieldSet event = UnknownFieldSet.parseFrom(records.get(1));
        assertEquals(List.of(10.0), doubles(event.getField(1).getFixed64List()));
        assertEquals(0, event.getField(2).getVarintList().size(), "step 0 is left out, as proto3 does");
        UnknownFieldSet value = message(message(event, 5), 1);
        assertEquals("_hparams_/session_start_info", value.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet pluginData = message(message(value, 9), 1);
        assertEquals("hparams", pluginData.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet start = message(UnknownFieldSet.parseFrom(pluginData.getField(2).getLengthDelimitedList().get(0)), 3);
        assertEquals(List.of(9.5), doubles(start.getField(5).getFixed64List()));
        List<ByteString> entries = start.getField(1).getLengthDelimitedList();
        assertEquals(3, entries.size());
        UnknownFieldSet lr = UnknownFieldSet.parseFrom(entries.get(0));
        assertEquals("lr", lr.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        assertEquals(List.of(0.001), doubles(message(lr, 2).getField(2).getFixed64List()));
        UnknownFieldSet optimizer = UnknownFieldSet.parseFrom(entries.get(1));
        assertEquals("adam", message(optimizer, 2).getField(3).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet amp = UnknownFieldSet.parseFrom(entries.get(2));
        assertEquals(List.of(1L), message(amp, 2).getField(4).getVarintList());
    }

    @Test
    void floatContentTensorHoldsTheFloatBitsLittleEndian() throws IOException {
        Path file = dir.resolve("events");
        try (EventFileWriter w = EventFileWriter.create(file, 1.0)) {
            w.tensorScalar("loss", 3, 0.5, EventFileWriter.TensorEncoding.FLOAT_CONTENT, 2.0);
            w.tensorScalar("loss", 4, 0.25, EventFileWriter.TensorEncoding.FLOAT_CONTENT, 3.0);
        }
        List<byte[]> records = records(file);
        UnknownFieldSet first = message(message(UnknownFieldSet.parseFrom(records.get(1)), 5), 1);
        UnknownFieldSet tensor = message(first, 8);
        assertEquals(List.of(1L), tensor.getField(1).getVarintList(), "DT_FLOAT");
        // 0.5f = 0x3F000000, little-endian 00 00 00 3F
        assertArrayEquals(new byte[] {0, 0, 0, 0x3f}, tensor.getField(4).getLengthDelimitedList().get(0).toByteArray());
        assertEquals("scalars", message(message(first, 9), 1).getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        UnknownFieldSet second = message(message(UnknownFieldSet.parseFrom(records.get(2)), 5), 1);
        assertEquals(0, second.getField(9).getLengthDelimitedList().size(), "metadata on the first occurrence only");
    }

    private static Path only(Path folder, String glob) throws IOException {
        try (var files = Files.newDirectoryStream(folder, glob)) {
            return files.iterator().next();
        }
    }

    /** Splits a file into record data, checking both checksums of every record. */
    private static List<byte[]> records(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] header = new byte[8];
            b.get(header);
            assertEquals(EventFileWriter.maskedCrc(header, 0, 8), b.getInt());
            byte[] data = new byte[(int) ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong()];
            b.get(data);
            assertEquals(EventFileWriter.maskedCrc(data, 0, data.length), b.getInt());
            out.add(data);
        }
        return out;
    }

    private static UnknownFieldSet message(UnknownFieldSet parent, int field) throws IOException {
        return UnknownFieldSet.parseFrom(parent.getField(field).getLengthDelimitedList().get(0));
    }

    private static List<Double> doubles(List<Long> bits) {
        return bits.stream().map(Double::longBitsToDouble).toList();
    }
}
