package org.reprodiff.ingest.guild;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.CodeState;

/**
 * What a Guild run recorded of its code: {@code vcs_commit} ({@code git:<sha>}, with a trailing {@code *} when
 * the working tree was dirty) gives the commit without its {@code git:} prefix and the dirty flag;
 * {@code sourcecode_digest} (one digest over every source file Guild copied) is kept as the source digest
 * {@value #ALL_SOURCES}; the {@linkplain GuildManifest manifest} gives each copied file's SHA-1 under its
 * project path, so a diff names the file that changed. The program is the operation ({@code model:op}). The
 * command line is not used as arguments: it carries the flags, which are the run's parameters.
 */
final class GuildCode {
    static final String ALL_SOURCES = "(all source files)";

    private GuildCode() {
    }

    static CodeState read(GuildAttrs attrs, GuildManifest manifest, String program) {
        String commit = null;
        Boolean dirty = null;
        String vcs = attrs.text("vcs_commit");
        if (vcs != null && !vcs.isBlank()) {
            String v = vcs.strip();
            dirty = v.endsWith("*");
            v = dirty ? v.substring(0, v.length() - 1) : v;
            commit = v.startsWith("git:") ? v.substring(4) : v;
        }
        Map<String, String> digests = new TreeMap<>();
        String all = attrs.text("sourcecode_digest");
        if (all != null && !all.isBlank()) {
            digests.put(ALL_SOURCES, all.strip());
        }
        digests.putAll(manifest.sourceDigests());
        return new CodeState(null, commit, null, dirty, null, program, List.of(), digests);
    }
}
