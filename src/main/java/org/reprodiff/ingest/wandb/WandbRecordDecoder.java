package org.reprodiff.ingest.wandb;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprodiff.model.MetricSeries;

/**
 * Decodes one {@code wandb_internal.Record} (FORMATS.md 2.3) with protobuf-java's wire reader, dispatching on
 * field numbers: {@code history}=2, {@code summary}=3, {@code config}=5 and {@code stats}=7 here (the frequent
 * ones); run, exit, telemetry, environment, metric, files, artifact and header records in
 * {@link WandbRunRecordDecoder}. Every other field and record type is skipped, never rejected.
 *
 * <p>History and summary items are read in place: keys and values are located in the record buffer (every
 * length checked by the wire reader before use) and handed on without a string per item; a one-segment
 * summary key overwrites its {@link WandbSummarySlot}. A record that is not valid protobuf is reported with its
 * byte offset and skipped: a history row, and the summary and config changes of one sub-record, are applied
 * only once they were read to their end.
 */
final class WandbRecordDecoder implements WandbLogReader.RecordSink {
    private final String file;
    private final WandbProblems problems;
    private final WandbLogState state;
    private final WandbRunRecordDecoder runRecords;
    private long decoded;

    /** The item being scanned: its dotted key in {@link #key}, its value's place in the record buffer. */
    private byte[] key = new byte[256];
    private int keyLength;
    private int lastSegment;
    private int segments;
    private int valueOff;
    private int valueLength;

    WandbRecordDecoder(String file, WandbProblems problems, WandbLogState state) {
        this.file = file;
        this.problems = problems;
        this.state = state;
        this.runRecords = new WandbRunRecordDecoder(this, state);
    }

    /** Decodes a record; returns false (stop) when the thread was interrupted. */
    @Override
    public boolean accept(byte[] buf, int off, int len, long offset) {
        if ((++decoded & 63) == 0 && Thread.currentThread().isInterrupted()) {
            return false;
        }
        CodedInputStream in = CodedInputStream.newInstance(buf, off, len);
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (!WandbWire.isDelimited(tag)) {
                    in.skipField(tag);
                    continue;
                }
                switch (tag >>> 3) {
                    case 2 -> history(in, buf, off, offset);
                    case 3 -> summary(in, buf, off);
                    case 5 -> config(in, offset);
                    case 7 -> stats(in, buf, off);
                    default -> runRecords.decode(tag >>> 3, tag, in, offset);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("bad record", file, "byte " + offset, "not a valid W&B record (" + e.getMessage()
                    + "); skipped");
        }
        return true;
    }

    private void history(CodedInputStream in, byte[] buf, int base, long offset) throws IOException {
        int old = WandbWire.enter(in);
        WandbHistory h = state.history;
        h.beginRow();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | 2)) {
                scanItem(in, buf, base);
                if (keyLength > 0) {
                    h.item(key, keyLength, lastSegment, buf, valueOff, valueLength);
                }
            } else if (tag == ((2 << 3) | 2)) {
                int stepOld = WandbWire.enter(in);
                long num = 0;
                for (int t = in.readTag(); t != 0; t = in.readTag()) {
                    if (t == (1 << 3)) {
                        num = in.readInt64();
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(stepOld);
                h.recordStep(num);
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        h.commitRow(offset);
    }

    /**
     * Reads an item sub-message ({@code key}=1, {@code nested_key}=2, {@code value_json}=16) in place: joins
     * {@code nested_key} segments with {@code .} into the key buffer (they win over {@code key}), and notes where
     * the value is.
     */
    private void scanItem(CodedInputStream in, byte[] buf, int base) throws IOException {
        int old = WandbWire.enter(in);
        keyLength = 0;
        lastSegment = 0;
        segments = 0;
        valueOff = base;
        valueLength = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> {
                    int len = in.readRawVarint32();
                    int start = base + in.getTotalBytesRead();
                    in.skipRawBytes(len);
                    if (segments == 0) {
                        copyKey(buf, start, len, 0);
                        lastSegment = 0;
                    }
                }
                case (2 << 3) | 2 -> {
                    int len = in.readRawVarint32();
                    int start = base + in.getTotalBytesRead();
                    in.skipRawBytes(len);
                    int at = segments == 0 ? 0 : keyLength + 1;
                    if (segments > 0) {
                        ensureKey(at);
                        key[keyLength] = '.';
                    }
                    copyKey(buf, start, len, at);
                    lastSegment = at;
                    segments++;
                }
                case (16 << 3) | 2 -> {
                    valueLength = in.readRawVarint32();
                    valueOff = base + in.getTotalBytesRead();
                    in.skipRawBytes(valueLength);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    private void copyKey(byte[] buf, int start, int len, int at) {
        ensureKey(at + len);
        System.arraycopy(buf, start, key, at, len);
        keyLength = at + len;
    }

    private void ensureKey(int len) {
        if (key.length < len) {
            key = Arrays.copyOf(key, Math.max(len, key.length * 2));
        }
    }

    /**
     * A SummaryRecord: one-segment updates go to their key's slot, the rest through the tree (a nested key is
     * decoded again as a path); updates first, then removals, as W&B applies them.
     */
    private void summary(CodedInputStream in, byte[] buf, int base) throws IOException {
        int old = WandbWire.enter(in);
        List<WandbHistoryKey> slots = null;
        List<WandbWire.Item> nested = null;
        List<WandbWire.Item> removes = null;
        int[] places = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | 2)) {
                int itemStart = base + in.getTotalBytesRead();
                scanItem(in, buf, base);
                if (segments <= 1 && keyLength > 0) {
                    if (slots == null) {
                        slots = new ArrayList<>(12);
                        places = new int[24];
                    }
                    if (places.length < 2 * slots.size() + 2) {
                        places = Arrays.copyOf(places, places.length * 2);
                    }
                    places[2 * slots.size()] = valueOff;
                    places[2 * slots.size() + 1] = valueLength;
                    slots.add(state.history.key(key, keyLength, 0));
                } else if (segments > 1) {
                    nested = nested == null ? new ArrayList<>(2) : nested;
                    nested.add(WandbWire.item(CodedInputStream.newInstance(buf, itemStart,
                            base + in.getTotalBytesRead() - itemStart)));
                }
            } else if (tag == ((2 << 3) | 2)) {
                removes = removes == null ? new ArrayList<>(2) : removes;
                removes.add(WandbWire.item(in));
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        WandbTree tree = state.summary;
        for (int i = 0; slots != null && i < slots.size(); i++) {
            WandbHistoryKey k = slots.get(i);
            if (k.summary == null) {
                k.summary = new WandbSummarySlot();
            }
            k.summary.set(buf, places[2 * i], places[2 * i + 1]);
            if (tree.root().get(k.name) != k.summary) {
                tree.set(k.name, k.summary);
            }
        }
        if (nested != null) {
            nested.forEach(item -> tree.set(item.path(), new WandbTree.Raw(item.valueJson())));
        }
        if (removes != null) {
            removes.forEach(item -> tree.remove(item.path()));
        }
    }

    /** A summary inside a run record (rare): decoded through the tree. */
    void runSummary(CodedInputStream in) throws IOException {
        fold(in, state.summary, true, -1);
    }

    /** A ConfigRecord (or a run record's initial config): values parsed now, updates before removals. */
    void config(CodedInputStream in, long offset) throws IOException {
        state.sawConfig = true;
        fold(in, state.config, false, offset);
    }

    private void fold(CodedInputStream in, WandbTree tree, boolean raw, long offset) throws IOException {
        int old = WandbWire.enter(in);
        List<WandbWire.Item> updates = new ArrayList<>(8);
        List<WandbWire.Item> removes = new ArrayList<>(0);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | 2)) {
                updates.add(WandbWire.item(in));
            } else if (tag == ((2 << 3) | 2)) {
                removes.add(WandbWire.item(in));
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        for (WandbWire.Item item : updates) {
            tree.set(item.path(), raw ? new WandbTree.Raw(item.valueJson()) : configValue(item, offset));
        }
        removes.forEach(item -> tree.remove(item.path()));
    }

    private Object configValue(WandbWire.Item item, long offset) {
        try {
            return WandbValues.parse(item.valueJson());
        } catch (IOException e) {
            problems.add("bad config value", file, "byte " + offset, "config " + String.join(".", item.path())
                    + ": value is not JSON (" + e.getMessage() + "); kept as text");
            return item.valueJson();
        }
    }

    /** A StatsRecord: {@code timestamp}=2 and items ({@code key}=1, {@code value_json}=16) at that time. */
    private void stats(CodedInputStream in, byte[] buf, int base) throws IOException {
        int old = WandbWire.enter(in);
        long wall = MetricSeries.NO_TIME;
        List<String> names = new ArrayList<>(16);
        List<int[]> places = new ArrayList<>(16);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((2 << 3) | 2)) {
                Instant t = WandbWire.timestamp(in);
                wall = t == null ? wall : t.toEpochMilli();
            } else if (tag == ((3 << 3) | 2)) {
                scanItem(in, buf, base);
                if (keyLength > 0) {
                    names.add(new String(key, 0, keyLength, StandardCharsets.UTF_8));
                    places.add(new int[] {valueOff, valueLength});
                }
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        for (int i = 0; i < names.size(); i++) {
            state.system.sample(names.get(i), buf, places.get(i)[0], places.get(i)[1], wall);
        }
    }
}
