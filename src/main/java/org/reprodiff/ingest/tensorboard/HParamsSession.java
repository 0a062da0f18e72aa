package org.reprodiff.ingest.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.RunStatus;

/**
 * What the hparams plugin recorded in one folder (FORMATS.md 3.4): the content of each {@code plugin_name =
 * "hparams"} summary is a {@code HParamsPluginData}; its {@code session_start_info} gives the parameters (each a
 * {@code google.protobuf.Value}: number, string, bool, null, list, or struct, flattened), its
 * {@code session_end_info} the status; the {@code experiment} (domains, metric names) is ignored.
 *
 * <p>Invariants: parameter keys are the recorded names with {@code /} (Lightning's flattening separator) turned
 * into {@code .}, PRODUCT.md's dotted keys, so {@code params/lr} becomes {@code params.lr}; when a folder holds
 * session start info more than once (Lightning logs its hyperparameters twice), the keys are merged and a later
 * value replaces an earlier one. A number keeps a plain decimal raw text ({@code 16}, {@code 0.0002}). Not
 * thread-safe.
 */
final class HParamsSession {
    private static final int MAX_NESTING = 16;

    private final Map<String, ParamValue> params = new LinkedHashMap<>();
    private boolean started;
    private RunStatus status;
    private double startTimeSecs;
    private double endTimeSecs;
    private String groupName;

    /** Decodes one {@code HParamsPluginData}. */
    void read(ByteString content) throws IOException {
        CodedInputStream in = content.newCodedInput();
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ProtoTag.of(3, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int old = in.pushLimit(in.readRawVarint32());
                sessionStart(in);
                in.popLimit(old);
            } else if (t == ProtoTag.of(4, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int old = in.pushLimit(in.readRawVarint32());
                sessionEnd(in);
                in.popLimit(old);
            } else {
                in.skipField(t);
            }
        }
    }

    /** Whether any session start info was read. */
    boolean started() {
        return started;
    }

    Map<String, ParamValue> params() {
        return params;
    }

    /** The status of the last session end info, or null when there was none. */
    RunStatus status() {
        return status;
    }

    double startTimeSecs() {
        return startTimeSecs;
    }

    double endTimeSecs() {
        return endTimeSecs;
    }

    String groupName() {
        return groupName;
    }

    private void sessionStart(CodedInputStream in) throws IOException {
        started = true;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (t) {
                case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int old = in.pushLimit(in.readRawVarint32());
                    mapEntry(in, "", 0);
                    in.popLimit(old);
                }
                case (4 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> groupName = in.readStringRequireUtf8();
                case (5 << 3) | WireFormat.WIRETYPE_FIXED64 -> startTimeSecs = in.readDouble();
                default -> in.skipField(t);
            }
        }
    }

    private void sessionEnd(CodedInputStream in) throws IOException {
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (t) {
                case (1 << 3) | WireFormat.WIRETYPE_VARINT -> status = switch (in.readEnum()) {
                    case 1 -> RunStatus.FINISHED;
                    case 2 -> RunStatus.FAILED;
                    case 3 -> RunStatus.RUNNING;
                    default -> RunStatus.UNKNOWN;
                };
                case (2 << 3) | WireFormat.WIRETYPE_FIXED64 -> endTimeSecs = in.readDouble();
                default -> in.skipField(t);
            }
        }
    }

    /** One {@code map<string, Value>} entry ({@code key = 1, value = 2}) stored under {@code prefix + key}. */
    private void mapEntry(CodedInputStream in, String prefix, int depth) throws IOException {
        String key = "";
        ByteString value = null;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                key = in.readStringRequireUtf8();
            } else if (t == ProtoTag.of(2, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                value = in.readBytes();
            } else {
                in.skipField(t);
            }
        }
        String name = prefix + key.replace('/', '.');
        CodedInputStream v = (value == null ? ByteString.EMPTY : value).newCodedInput();
        if (isStruct(value)) {
            struct(v, name + ".", depth + 1);
        } else {
            params.put(name, value(v, depth));
        }
    }

    private static boolean isStruct(ByteString value) throws IOException {
        if (value == null || value.isEmpty()) {
            return false;
        }
        CodedInputStream in = value.newCodedInput();
        return in.readTag() == ProtoTag.of(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    }

    /** A {@code Struct} value (fields = 1, a map) flattened into dotted keys. */
    private void struct(CodedInputStream in, String prefix, int depth) throws IOException {
        in.readTag();
        int old = in.pushLimit(in.readRawVarint32());
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED) && depth < MAX_NESTING) {
                int entry = in.pushLimit(in.readRawVarint32());
                mapEntry(in, prefix, depth);
                in.popLimit(entry);
            } else {
                in.skipField(t);
            }
        }
        in.popLimit(old);
    }

    /** A {@code google.protobuf.Value}; a value with no kind set is a null. */
    private static ParamValue value(CodedInputStream in, int depth) throws IOException {
        ParamValue result = ParamValue.nullValue("null");
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (t) {
                case (1 << 3) | WireFormat.WIRETYPE_VARINT -> {
                    in.readEnum();
                    result = ParamValue.nullValue("null");
                }
                case (2 << 3) | WireFormat.WIRETYPE_FIXED64 -> {
                    double d = in.readDouble();
                    result = ParamValue.number(d, plainText(d));
                }
                case (3 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> result = ParamValue.string(in.readStringRequireUtf8());
                case (4 << 3) | WireFormat.WIRETYPE_VARINT -> {
                    boolean b = in.readBool();
                    result = ParamValue.bool(b, b ? "true" : "false");
                }
                case (6 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int old = in.pushLimit(in.readRawVarint32());
                    result = depth < MAX_NESTING ? list(in, depth + 1) : ParamValue.string("[…]");
                    in.skipRawBytes(Math.max(0, in.getBytesUntilLimit()));
                    in.popLimit(old);
                }
                default -> in.skipField(t);
            }
        }
        return result;
    }

    /** A {@code ListValue} (values = 1); the raw text is Python-like: {@code [1, 'a', true]}. */
    private static ParamValue list(CodedInputStream in, int depth) throws IOException {
        List<ParamValue> items = new ArrayList<>();
        StringBuilder raw = new StringBuilder("[");
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ProtoTag.of(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int old = in.pushLimit(in.readRawVarint32());
                ParamValue item = value(in, depth);
                in.popLimit(old);
                raw.append(items.isEmpty() ? "" : ", ")
                        .append(item.type() == ParamValue.Type.STRING ? "'" + item.raw() + "'" : item.raw());
                items.add(item);
            } else {
                in.skipField(t);
            }
        }
        return ParamValue.list(items, raw.append(']').toString());
    }

    /** {@code 16} for 16.0, {@code 0.0002} for 2.0E-4; exponent form only for very large or small magnitudes. */
    static String plainText(double d) {
        if (!Double.isFinite(d) || d == 0) {
            return Numbers.format(d);
        }
        double m = Math.abs(d);
        if (m >= 1e-7 && m < 1e16) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return Double.toString(d);
    }
}
