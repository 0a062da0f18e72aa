package org.reprodiff.ingest.wandb;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the {@code EnvironmentRecord} (Record field 26, newer SDKs; field numbers as FORMATS.md 2.3 lists
 * them: os=1, python=2, started_at=3, docker=4, args=5, program=6, code_path=7, git=9, email=10, root=11,
 * host=12, username=13, executable=14, cpu_count=16, cpu_count_logical=17, gpu_type=18, gpu_count=19,
 * memory=21 {total=1}, cpu=22 {count=1, count_logical=2}, apple=23 {name=1}, gpu_nvidia=24 {name=1},
 * cuda_version=25). A log may hold one per writer process: values already set are kept (first writer wins).
 */
final class WandbEnvironmentRecord {
    private WandbEnvironmentRecord() {
    }

    static void read(CodedInputStream in, WandbEnvironment into) throws IOException {
        int old = WandbWire.enter(in);
        WandbEnvironment e = new WandbEnvironment();
        List<String> args = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> e.os = text(in);
                case (2 << 3) | 2 -> e.python = text(in);
                case (3 << 3) | 2 -> e.startedAt = WandbWire.timestamp(in);
                case (4 << 3) | 2 -> e.docker = text(in);
                case (5 << 3) | 2 -> args.add(in.readString());
                case (6 << 3) | 2 -> e.program = text(in);
                case (7 << 3) | 2 -> e.codePath = text(in);
                case (9 << 3) | 2 -> git(in, e);
                case (10 << 3) | 2 -> e.email = text(in);
                case (11 << 3) | 2 -> e.root = text(in);
                case (12 << 3) | 2 -> e.host = text(in);
                case (13 << 3) | 2 -> e.username = text(in);
                case (14 << 3) | 2 -> e.executable = text(in);
                case 16 << 3 -> e.cpuCount = positive(in.readUInt32());
                case 17 << 3 -> e.cpuCountLogical = positive(in.readUInt32());
                case (18 << 3) | 2 -> e.gpu = text(in);
                case 19 << 3 -> e.gpuCount = positive(in.readUInt32());
                case (21 << 3) | 2 -> e.memoryBytes = firstUInt64(in);
                case (22 << 3) | 2 -> cpu(in, e);
                case (23 << 3) | 2 -> e.cpuModel = first(WandbWire.strings(in, 1));
                case (24 << 3) | 2 -> {
                    String name = first(WandbWire.strings(in, 1));
                    e.gpu = e.gpu != null ? e.gpu : name;
                }
                case (25 << 3) | 2 -> e.cuda = text(in);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
        e.args = args.isEmpty() ? null : List.copyOf(args);
        into.fillFrom(e);
    }

    private static void git(CodedInputStream in, WandbEnvironment e) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> e.gitRemote = text(in);
                case (2 << 3) | 2 -> e.gitCommit = text(in);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    private static void cpu(CodedInputStream in, WandbEnvironment e) throws IOException {
        int old = WandbWire.enter(in);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 1 << 3 -> {
                    Integer n = positive(in.readUInt32());
                    e.cpuCount = e.cpuCount != null ? e.cpuCount : n;
                }
                case 2 << 3 -> {
                    Integer n = positive(in.readUInt32());
                    e.cpuCountLogical = e.cpuCountLogical != null ? e.cpuCountLogical : n;
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(old);
    }

    /** The first {@code uint64} field 1 of a sub-message ({@code MemoryInfo.total}), or null. */
    private static Long firstUInt64(CodedInputStream in) throws IOException {
        int old = WandbWire.enter(in);
        Long v = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == (1 << 3) && v == null) {
                long raw = in.readUInt64();
                v = raw > 0 ? raw : null;
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(old);
        return v;
    }

    private static String text(CodedInputStream in) throws IOException {
        return WandbEnvironment.text(in.readString());
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : WandbEnvironment.text(values.get(0));
    }

    private static Integer positive(int v) {
        return v > 0 ? v : null;
    }
}
