package org.reprodiff.ingest.wandb;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.model.DataRef;

/**
 * Decodes the infrequent record types into {@link WandbLogState} (field numbers from
 * {@code wandb/proto/wandb_internal.proto} and {@code wandb_telemetry.proto}, FORMATS.md 2.3): {@code files}=6,
 * {@code artifact}=8, {@code telemetry}=11, {@code metric}=12, {@code run}=17, {@code exit}=18,
 * {@code header}=21, {@code use_artifact}=25, {@code environment}=26. Anything else is skipped. Run record
 * fields 24 ({@code resume}) and 25 ({@code shared_mode}) are newer than FORMATS.md; they were found in W&B's
 * compat fixtures ({@code core/internal/transactionlogtest/golden_test.go}).
 */
final class WandbRunRecordDecoder {
    private final WandbRecordDecoder records;
    private final WandbLogState state;

    WandbRunRecordDecoder(WandbRecordDecoder records, WandbLogState state) {
        this.records = records;
        this.state = state;
    }

    /** Decodes the length-delimited Record field {@code field}, or skips it. */
    void decode(int field, int tag, CodedInputStream in, long offset) throws IOException {
        switch (field) {
            case 6 -> files(in);
            case 8 -> artifact(in);
            case 11 -> telemetry(in);
            case 12 -> metric(in);
            case 17 -> run(in, offset);
            case 18 -> exit(in);
            case 21 -> header(in);
            case 25 -> useArtifact(in);
            case 26 -> WandbEnvironmentRecord.read(in, state.environment);
            default -> in.skipField(tag);
        }
    }

    private void run(CodedInputStream in, long offset) throws IOException {
        int old = WandbWire.enter(in);
        List<String> tags = new ArrayList<>();
        state.sawRunRecord = true;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> state.runId = text(in, state.runId);
                case (2 << 3) | 2 -> state.entity = text(in, state.entity);
                case (3 << 3) | 2 -> state.project = text(in, state.project);
                case (4 << 3) | 2 -> records.config(in, offset);
                case (5 << 3) | 2 -> records.runSummary(in);
                case (6 << 3) | 2 -> state.group = text(in, state.group);
                case (7 << 3) | 2 -> state.jobType = text(in, state.jobType);
                case (8 << 3) | 2 -> state.displayName = text(in, state.displayName);
                case (9 << 3) | 2 -> state.notes = text(in, state.notes);
                case (10 << 3) | 2 -> tags.add(in.readString());
                case (12 << 3) | 2 -> state.sweepId = text(in, state.sweepId);
                case (13 << 3) | 2 -> state.host = text(in, state.host);
                case 14 << 3 -> state.history.startingStep(in.readInt64());
                case (17 << 3) | 2 -> {
                    Instant t = WandbWire.timestamp(in);
                    state.startTime = t != null ? t : state.startTime;
                }
                case 18 << 3 -> state.resumed |= in.readBool();
                case (19 << 3) | 2 -> telemetry(in);
                case (21 << 3) | 2 -> git(in);
                case 25 << 3 -> {
                    if (in.readBool()) {
                        state.sharedMode = true;
                        state.history.sharedMode();
                    }
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        if (!tags.isEmpty()) {
            state.tags = List.copyOf(tags);
        }
    }

    private void git(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> state.gitRemote = text(in, state.gitRemote);
                case (2 << 3) | 2 -> state.gitCommit = text(in, state.gitCommit);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    private void exit(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        int code = 0;
        Integer runtime = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 1 << 3 -> code = in.readInt32();
                case 2 << 3 -> runtime = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        state.exitCode = code;
        state.exitRuntime = runtime;
    }

    /** TelemetryRecord: imported frameworks (bool fields of {@code Imports}) and versions. */
    private void telemetry(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2, (2 << 3) | 2 -> imports(in);
                case (4 << 3) | 2 -> state.pythonVersion = text(in, state.pythonVersion);
                case (5 << 3) | 2 -> state.cliVersion = text(in, state.cliVersion);
                case (6 << 3) | 2 -> state.huggingfaceVersion = text(in, state.huggingfaceVersion);
                case (13 << 3) | 2 -> state.platform = text(in, state.platform);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    private void imports(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WandbWire.isVarint(tag)) {
                if (in.readBool()) {
                    state.imports.add(tag >>> 3);
                }
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    /** MetricRecord ({@code define_metric}): {@code name}=1 or {@code glob_name}=2, {@code step_metric}=4. */
    private void metric(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        String name = "";
        String glob = "";
        String stepMetric = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> name = in.readString();
                case (2 << 3) | 2 -> glob = in.readString();
                case (4 << 3) | 2 -> stepMetric = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        state.history.defineMetric(name, glob, stepMetric);
    }

    private void header(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | 2)) {
                List<String> producer = WandbWire.strings(in, 1);
                state.sdkVersion = producer.isEmpty() ? state.sdkVersion : WandbEnvironment.text(producer.get(0));
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    /** FilesRecord: the paths saved with the run ({@code files}=1 → {@code path}=1). */
    private void files(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | 2)) {
                WandbWire.strings(in, 1).forEach(state.savedFiles::add);
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    /** ArtifactRecord (logged): type=4, name=5, digest=6, manifest=12 → contents=4 → path=1, digest=2. */
    private void artifact(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        String type = "";
        String name = "";
        String digest = "";
        List<String[]> entries = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (4 << 3) | 2 -> type = in.readString();
                case (5 << 3) | 2 -> name = in.readString();
                case (6 << 3) | 2 -> digest = in.readString();
                case (12 << 3) | 2 -> manifest(in, entries);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        state.loggedArtifacts.add(type + ":" + name + (digest.isEmpty() ? "" : "@" + digest));
        if (type.equals("code")) {
            entries.forEach(e -> state.codeDigests.put(e[0], e[1]));
        }
    }

    private static void manifest(CodedInputStream in, List<String[]> entries) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((4 << 3) | 2)) {
                int entryOld = WandbWire.enter(in);
                String path = "";
                String digest = "";
                for (int t = in.readTag(); t != 0; t = in.readTag()) {
                    switch (t) {
                        case (1 << 3) | 2 -> path = in.readString();
                        case (2 << 3) | 2 -> digest = in.readString();
                        default -> in.skipField(t);
                    }
                }
                in.popLimit(entryOld);
                entries.add(new String[] {path, digest});
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    /** UseArtifactRecord: an input artifact ({@code type}=2, {@code name}=3) is the run's data. */
    private void useArtifact(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        String type = "";
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (2 << 3) | 2 -> type = in.readString();
                case (3 << 3) | 2 -> name = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        if (!name.isEmpty()) {
            state.usedArtifacts.add(new DataRef(name, null, "W&B use_artifact" + (type.isEmpty() ? "" : " (" + type + ")")));
        }
    }

    /** A string field: the new value when it is not blank, else the old one. */
    private static String text(CodedInputStream in, String old) throws IOException {
        String v = WandbEnvironment.text(in.readString());
        return v != null ? v : old;
    }
}
