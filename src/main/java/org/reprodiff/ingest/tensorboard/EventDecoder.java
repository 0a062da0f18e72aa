package org.reprodiff.ingest.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;

/**
 * Decodes {@code Event} records (FORMATS.md 3.3) with protobuf-java's wire reader, dispatching on field numbers:
 * {@code wall_time} (1), {@code step} (2) and {@code summary} (5) are read; everything else ({@code file_version},
 * graphs, session logs, run metadata, meta graphs, unknown fields) is skipped. In a {@code Summary.Value}, the tag
 * (1), {@code simple_value} (2, a float widened exactly), a scalar {@code tensor} (8) and the {@code metadata} (9)
 * plugin name and content are read; images, histograms and audio are skipped with {@code skipField}, which for a
 * streamed record moves past them in the file without reading them.
 *
 * <p>Invariants: a value becomes a point of its tag's series at the Event's step (0 when absent) and wall time
 * (epoch seconds rounded to milliseconds, {@link MetricSeries#NO_TIME} when absent), whatever the order of the
 * fields; values of a tag whose plugin is {@code hparams} (now or at its first occurrence) are not points, their
 * content goes to the folder's {@link HParamsSession}. A record that is not a readable Event is a problem at its
 * byte offset and adds nothing. Tags of in-buffer records are matched in place, so a known tag costs no
 * allocation. Not thread-safe; reused for every record of a folder.
 */
final class EventDecoder implements TfRecordReader.RecordSink {
    private static final int WALL_TIME = ProtoTag.of(1, WireFormat.WIRETYPE_FIXED64);
    private static final int STEP = ProtoTag.of(2, WireFormat.WIRETYPE_VARINT);
    private static final int SUMMARY = ProtoTag.of(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SUMMARY_VALUE = ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int VALUE_TAG = ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SIMPLE_VALUE = ProtoTag.of(2, WireFormat.WIRETYPE_FIXED32);
    private static final int TENSOR = ProtoTag.of(8, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int METADATA = ProtoTag.of(9, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int PLUGIN_DATA = ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int PLUGIN_NAME = ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int PLUGIN_CONTENT = ProtoTag.of(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int STREAM_BUFFER = 1 << 13;

    private final TensorScalarDecoder tensors = new TensorScalarDecoder();
    private FolderEvents target;
    private String file;
    private long recordOffset;
    private int[] pendingTags = new int[8];
    private double[] pendingValues = new double[8];
    private int pending;
    private boolean hasValue;
    private double value;
    private boolean hasMetadata;
    private int plugin;
    private ByteString pluginContent;

    /** Sends the next records to {@code target}; problems name {@code file}. */
    void target(FolderEvents target, String file) {
        this.target = target;
        this.file = file;
    }

    @Override
    public boolean record(CodedInputStream in, byte[] array, int offset, int length, long fileOffset) throws IOException {
        recordOffset = fileOffset;
        try {
            int old = in.pushLimit(length);
            event(in, array);
            in.skipRawBytes(in.getBytesUntilLimit());
            in.popLimit(old);
            return true;
        } catch (InvalidProtocolBufferException e) {
            notAnEvent(e);
            return false;
        }
    }

    @Override
    public void largeRecord(InputStream data, int length, long fileOffset) throws IOException {
        recordOffset = fileOffset;
        CodedInputStream in = CodedInputStream.newInstance(data, STREAM_BUFFER);
        in.setSizeLimit(Integer.MAX_VALUE);
        try {
            in.pushLimit(length);
            event(in, null);
        } catch (InvalidProtocolBufferException e) {
            notAnEvent(e);
        }
    }

    private void notAnEvent(InvalidProtocolBufferException e) {
        target.problems().add(new ImportProblem(file, "byte " + recordOffset, "not a readable Event: " + e.getMessage()));
    }

    private void event(CodedInputStream in, byte[] array) throws IOException {
        pending = 0;
        long step = 0;
        long wallMs = MetricSeries.NO_TIME;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == WALL_TIME) {
                double seconds = in.readDouble();
                wallMs = Double.isFinite(seconds) ? Math.round(seconds * 1000.0) : MetricSeries.NO_TIME;
            } else if (t == STEP) {
                step = in.readInt64();
            } else if (t == SUMMARY) {
                int old = in.pushLimit(in.readRawVarint32());
                summary(in, array);
                in.popLimit(old);
            } else if (!in.skipField(t)) {
                break;
            }
        }
        target.event(wallMs);
        TagTable tags = target.tags();
        for (int i = 0; i < pending; i++) {
            tags.points(pendingTags[i]).add(step, pendingValues[i], wallMs);
        }
    }

    private void summary(CodedInputStream in, byte[] array) throws IOException {
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == SUMMARY_VALUE) {
                int old = in.pushLimit(in.readRawVarint32());
                value(in, array);
                in.popLimit(old);
            } else if (!in.skipField(t)) {
                break;
            }
        }
    }

    /** A {@code Summary.Value}; the common fields are read here, the rest in {@link #otherValueField}. */
    private void value(CodedInputStream in, byte[] array) throws IOException {
        TagTable tags = target.tags();
        int tag = -1;
        hasValue = false;
        hasMetadata = false;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == VALUE_TAG && array != null) {
                int length = in.readRawVarint32();
                int start = in.getTotalBytesRead();
                in.skipRawBytes(length);
                tag = tags.lookup(array, start, length);
            } else if (t == SIMPLE_VALUE) {
                value = in.readFloat();
                hasValue = true;
            } else if (t == VALUE_TAG) {
                byte[] bytes = in.readByteArray();
                tag = tags.lookup(bytes, 0, bytes.length);
            } else if (!otherValueField(in, t)) {
                break;
            }
        }
        if (tag < 0) {
            return;
        }
        if (hasMetadata || tags.plugin(tag) != TagTable.PLUGIN_NONE) {
            if (!pluginValue(tags, tag)) {
                return;
            }
        }
        if (hasValue) {
            if (pending == pendingTags.length) {
                pendingTags = Arrays.copyOf(pendingTags, pending * 2);
                pendingValues = Arrays.copyOf(pendingValues, pending * 2);
            }
            pendingTags[pending] = tag;
            pendingValues[pending] = value;
            pending++;
        }
    }

    /** A tensor, metadata or any other field of a value; false at an end-group tag. */
    private boolean otherValueField(CodedInputStream in, int t) throws IOException {
        if (t == TENSOR) {
            int old = in.pushLimit(in.readRawVarint32());
            hasValue = tensors.decode(in);
            value = tensors.value();
            in.popLimit(old);
        } else if (t == METADATA) {
            int old = in.pushLimit(in.readRawVarint32());
            metadata(in);
            in.popLimit(old);
            hasMetadata = true;
        } else {
            return in.skipField(t);
        }
        return true;
    }

    /** Records the plugin a value's metadata names; false when the value belongs to the hparams plugin. */
    private boolean pluginValue(TagTable tags, int tag) {
        if (hasMetadata && plugin != TagTable.PLUGIN_NONE) {
            tags.plugin(tag, plugin);
        }
        if (tags.plugin(tag) != TagTable.PLUGIN_HPARAMS) {
            return true;
        }
        if (hasMetadata && pluginContent != null) {
            hparams(pluginContent);
        }
        return false;
    }

    /** {@code SummaryMetadata}: sets {@link #plugin} and {@link #pluginContent} from its {@code plugin_data}. */
    private void metadata(CodedInputStream in) throws IOException {
        plugin = TagTable.PLUGIN_NONE;
        pluginContent = null;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == PLUGIN_DATA) {
                int old = in.pushLimit(in.readRawVarint32());
                for (int p = in.readTag(); p != 0; p = in.readTag()) {
                    if (p == PLUGIN_NAME) {
                        String name = in.readString();
                        plugin = name.isEmpty() ? TagTable.PLUGIN_NONE
                                : "hparams".equals(name) ? TagTable.PLUGIN_HPARAMS : TagTable.PLUGIN_OTHER;
                    } else if (p == PLUGIN_CONTENT) {
                        pluginContent = in.readBytes();
                    } else {
                        in.skipField(p);
                    }
                }
                in.popLimit(old);
            } else {
                in.skipField(t);
            }
        }
    }

    private void hparams(ByteString content) {
        try {
            target.hparams().read(content);
        } catch (IOException e) {
            target.problems().add(new ImportProblem(file, "byte " + recordOffset,
                    "hparams plugin data not readable: " + e.getMessage()));
        }
    }
}
