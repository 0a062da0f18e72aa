package org.reprodiff.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.reprodiff.model.Param;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * The key of a run's twin group: runs of the same program whose parameters are equal once seeds and expected
 * differences are set aside share it (PRODUCT.md, "Twin groups"). A run that recorded no parameters has no key:
 * there is no evidence that it is anyone's twin. Values are keyed by meaning, so {@code "0.1"} from MLflow and
 * {@code 0.1} from another tracker agree.
 */
public final class TwinKey {
    private static final ExpectedDifferences BUILT_IN = new ExpectedDifferences(List.of());

    private TwinKey() {
    }

    /** A short hex key, or null when the run recorded no parameters (beyond seeds and bookkeeping). */
    public static String of(Run run) {
        Set<String> seedKeys = new HashSet<>();
        for (SeedRecord s : run.seeds()) {
            seedKeys.add(s.key());
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append("program=").append(run.code().program() == null ? "" : run.code().program()).append('\n');
        int counted = 0;
        for (Param p : run.params()) {
            if (seedKeys.contains(p.key()) || BUILT_IN.reason(p.key()) != null) {
                continue;
            }
            canonical.append(p.key()).append('=');
            append(canonical, p.value());
            canonical.append('\n');
            counted++;
        }
        if (counted == 0) {
            return null;
        }
        return HexFormat.of().formatHex(sha256(canonical.toString())).substring(0, 12);
    }

    private static void append(StringBuilder sb, ParamValue v) {
        ParamValue m = v.type() == ParamValue.Type.STRING ? ParamValue.fromText(v.raw()) : v;
        switch (m.type()) {
            case NUMBER -> sb.append("n:").append(m.number() == 0 ? 0.0 : m.number());
            case BOOL -> sb.append("b:").append(m.bool());
            case NULL -> sb.append("null");
            case STRING -> sb.append(looksLikeList(m.raw()) ? "l:" + PythonLiteral.normalise(m.raw()) : "s:" + m.raw().replace("\n", "\\n"));
            case LIST -> sb.append("l:").append(PythonLiteral.of(m));
        }
    }

    /** MLflow keeps a list parameter as its Python text; such text keys like the list itself. */
    private static boolean looksLikeList(String raw) {
        String t = raw.trim();
        return t.startsWith("[") && t.endsWith("]");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
