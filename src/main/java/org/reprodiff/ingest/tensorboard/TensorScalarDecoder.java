package org.reprodiff.ingest.tensorboard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Reads a {@code TensorProto} (FORMATS.md 3.3) and keeps its value when it is a numeric scalar: a tensor whose
 * shape holds exactly one element (rank 0, or every dimension 1) and which carries exactly one value, either as
 * little-endian {@code tensor_content} or as one entry of the typed field (packed or not). Float, double, half,
 * bfloat16 and the signed integer types are read; strings, booleans, unsigned and complex types, empty tensors
 * (the hparams plugin's {@code NULL_TENSOR}) and anything with more than one element are not scalars. Once the
 * shape shows more than one element, the value fields are skipped unread. Floats are widened to double exactly.
 * Not thread-safe; one decoder is reused for every tensor.
 */
final class TensorScalarDecoder {
    static final int DT_FLOAT = 1;
    static final int DT_DOUBLE = 2;
    static final int DT_INT32 = 3;
    static final int DT_UINT8 = 4;
    static final int DT_INT16 = 5;
    static final int DT_INT8 = 6;
    static final int DT_INT64 = 9;
    static final int DT_BFLOAT16 = 14;
    static final int DT_HALF = 19;

    private static final int DTYPE = 1;
    private static final int SHAPE = 2;
    private static final int CONTENT = 4;
    private static final int FLOAT_VAL = 5;
    private static final int DOUBLE_VAL = 6;
    private static final int INT_VAL = 7;
    private static final int INT64_VAL = 10;
    private static final int HALF_VAL = 13;

    private int dtype;
    private long elements;
    private boolean unknownShape;
    private int contentLength;
    private long contentBits;
    private int valueCount;
    private long valueBits;
    private int valueField;
    private double value;

    /** Decodes the tensor up to the current limit of {@code in}; true when it is a numeric scalar. */
    boolean decode(CodedInputStream in) throws IOException {
        dtype = 0;
        elements = 1;
        unknownShape = false;
        contentLength = 0;
        valueCount = 0;
        valueField = 0;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(t);
            int wire = WireFormat.getTagWireType(t);
            if (field == DTYPE && wire == WireFormat.WIRETYPE_VARINT) {
                dtype = in.readEnum();
            } else if (field == SHAPE && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int old = in.pushLimit(in.readRawVarint32());
                shape(in);
                in.popLimit(old);
            } else if (elements != 1 || unknownShape) {
                in.skipField(t);
            } else if (field == CONTENT && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                content(in);
            } else if (isValueField(field)) {
                values(in, field, wire);
            } else {
                in.skipField(t);
            }
        }
        return !unknownShape && elements == 1 && interpret();
    }

    /** The scalar's value after {@link #decode} returned true. */
    double value() {
        return value;
    }

    private static boolean isValueField(int field) {
        return field == FLOAT_VAL || field == DOUBLE_VAL || field == INT_VAL || field == INT64_VAL || field == HALF_VAL;
    }

    private void shape(CodedInputStream in) throws IOException {
        long product = 1;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ProtoTag.of(2, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int old = in.pushLimit(in.readRawVarint32());
                long dimSize = 0;
                for (int d = in.readTag(); d != 0; d = in.readTag()) {
                    if (d == ProtoTag.of(1, WireFormat.WIRETYPE_VARINT)) {
                        dimSize = in.readInt64();
                    } else {
                        in.skipField(d);
                    }
                }
                in.popLimit(old);
                product = dimSize < 0 || product > Integer.MAX_VALUE ? -1 : product * dimSize;
                if (product < 0) {
                    unknownShape = true;
                }
            } else if (t == ProtoTag.of(3, WireFormat.WIRETYPE_VARINT)) {
                unknownShape |= in.readBool();
            } else {
                in.skipField(t);
            }
        }
        elements = product;
    }

    private void content(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0 || length > 8) {
            in.skipRawBytes(length);
            contentLength = Math.max(length, 9);
            return;
        }
        long bits = 0;
        for (int i = 0; i < length; i++) {
            bits |= (in.readRawByte() & 0xffL) << (8 * i);
        }
        contentLength = length;
        contentBits = bits;
    }

    private void values(CodedInputStream in, int field, int wire) throws IOException {
        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int old = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                one(in, field, field == DOUBLE_VAL ? WireFormat.WIRETYPE_FIXED64
                        : field == FLOAT_VAL ? WireFormat.WIRETYPE_FIXED32 : WireFormat.WIRETYPE_VARINT);
            }
            in.popLimit(old);
        } else {
            one(in, field, wire);
        }
    }

    private void one(CodedInputStream in, int field, int wire) throws IOException {
        long bits = switch (wire) {
            case WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32() & 0xffffffffL;
            case WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
            case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
            default -> throw new IOException("unexpected wire type " + wire + " for tensor field " + field);
        };
        if (valueCount++ == 0) {
            valueBits = bits;
            valueField = field;
        }
    }

    private boolean interpret() {
        boolean fromContent = contentLength > 0;
        if (fromContent == (valueCount > 0) || valueCount > 1) {
            return false;
        }
        long bits = fromContent ? contentBits : valueBits;
        switch (dtype) {
            case DT_FLOAT -> {
                if (fromContent ? contentLength != 4 : valueField != FLOAT_VAL) {
                    return false;
                }
                value = Float.intBitsToFloat((int) bits);
            }
            case DT_DOUBLE -> {
                if (fromContent ? contentLength != 8 : valueField != DOUBLE_VAL) {
                    return false;
                }
                value = Double.longBitsToDouble(bits);
            }
            case DT_HALF, DT_BFLOAT16 -> {
                if (fromContent ? contentLength != 2 : valueField != HALF_VAL) {
                    return false;
                }
                int h = (int) (bits & 0xffff);
                value = dtype == DT_HALF ? halfToFloat(h) : Float.intBitsToFloat(h << 16);
            }
            case DT_INT32, DT_INT16, DT_INT8, DT_UINT8 -> {
                int width = dtype == DT_INT32 ? 4 : dtype == DT_INT16 ? 2 : 1;
                if (fromContent ? contentLength != width : valueField != INT_VAL) {
                    return false;
                }
                value = fromContent ? signExtend(bits, width, dtype != DT_UINT8) : (int) bits;
            }
            case DT_INT64 -> {
                if (fromContent ? contentLength != 8 : valueField != INT64_VAL) {
                    return false;
                }
                value = bits;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static long signExtend(long bits, int width, boolean signed) {
        int shift = 64 - 8 * width;
        return signed ? (bits << shift) >> shift : bits;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
