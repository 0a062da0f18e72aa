package org.reprodiff.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run recorded of its code. Every field may be null (not recorded); {@code args} and
 * {@code sourceDigests} are never null (empty when not recorded).
 */
public record CodeState(String remote, String commit, String branch, Boolean dirty, String patch, String program,
                        List<String> args, Map<String, String> sourceDigests) {

    public static final CodeState NONE = new CodeState(null, null, null, null, null, null, List.of(), Map.of());

    public CodeState {
        args = args == null ? List.of() : List.copyOf(args);
        sourceDigests = sourceDigests == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sourceDigests));
    }

    /** Whether anything about the code itself (where it came from, what ran) was recorded. */
    public boolean hasCode() {
        return remote != null || commit != null || branch != null || program != null || !args.isEmpty()
                || !sourceDigests.isEmpty();
    }

    /** Whether the working-tree state (dirty flag or uncommitted patch) was recorded. */
    public boolean hasState() {
        return dirty != null || patch != null;
    }
}
