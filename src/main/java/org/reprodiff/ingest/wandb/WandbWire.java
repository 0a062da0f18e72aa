package org.reprodiff.ingest.wandb;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small wire-format steps shared by the record decoders, all on protobuf-java's {@link CodedInputStream}:
 * entering a length-delimited sub-message (its length is checked against the bytes that remain by
 * {@link CodedInputStream#pushLimit}), reading a {@code google.protobuf.Timestamp}, and reading the
 * {@code ConfigItem}/{@code SummaryItem}/{@code StatsItem} shape ({@code key}=1, {@code nested_key}=2 repeated,
 * {@code value_json}=16). Unknown fields are always skipped.
 */
final class WandbWire {

    /** A config or summary item: its key path (one segment for {@code key}) and its JSON text. */
    record Item(List<String> path, String valueJson) {
    }

    private WandbWire() {
    }

    static boolean isDelimited(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    static boolean isVarint(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT;
    }

    /** Enters the sub-message whose length comes next; returns the old limit for {@link CodedInputStream#popLimit}. */
    static int enter(CodedInputStream in) throws IOException {
        return in.pushLimit(in.readRawVarint32());
    }

    /** Reads a Timestamp sub-message ({@code seconds}=1, {@code nanos}=2); null when it holds neither. */
    static Instant timestamp(CodedInputStream in) throws IOException {
        int old = enter(in);
        long seconds = 0;
        int nanos = 0;
        boolean any = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == (1 << 3)) {
                seconds = in.readInt64();
                any = true;
            } else if (tag == (2 << 3)) {
                nanos = in.readInt32();
                any = true;
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        if (!any || nanos < 0 || nanos > 999_999_999) {
            return null;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Reads an item sub-message; {@code nested_key} wins over {@code key} when both are set. */
    static Item item(CodedInputStream in) throws IOException {
        int old = enter(in);
        String key = null;
        List<String> nested = null;
        String value = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> key = in.readString();
                case (2 << 3) | 2 -> {
                    if (nested == null) {
                        nested = new ArrayList<>(2);
                    }
                    nested.add(in.readString());
                }
                case (16 << 3) | 2 -> value = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        List<String> path = nested != null ? nested : key != null ? List.of(key) : List.of();
        return new Item(path, value);
    }

    /** Enters a sub-message and returns its string fields numbered {@code field}, in order; skips the rest. */
    static List<String> strings(CodedInputStream in, int field) throws IOException {
        int old = enter(in);
        List<String> out = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((field << 3) | 2)) {
                out.add(in.readString());
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        return out;
    }
}
