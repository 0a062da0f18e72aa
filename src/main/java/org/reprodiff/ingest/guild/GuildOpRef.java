package org.reprodiff.ingest.guild;

import java.util.List;

/**
 * A run's operation reference, the one line of {@code .guild/opref}:
 * {@code <pkg_type>:<pkg_name> <pkg_version> <model_name> <op_name>}, each part shell-quoted ({@code ''} when
 * empty), e.g. {@code test: '' util test} or {@code guildfile:/foo/project\ with\ spaces 7253de… test go}.
 * Parsed as Guild's {@code opref._opref_parse} does: exactly four words, the first holding a colon.
 */
record GuildOpRef(String pkgType, String pkgName, String pkgVersion, String modelName, String opName) {

    /** The reference, or null when the line is not one. */
    static GuildOpRef parse(String line) {
        List<String> words = line == null ? null : ShlexParser.split(line.strip());
        if (words == null || words.size() != 4) {
            return null;
        }
        String typeAndName = words.get(0);
        int colon = typeAndName.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new GuildOpRef(typeAndName.substring(0, colon), typeAndName.substring(colon + 1), words.get(1),
                words.get(2), words.get(3));
    }

    /** What Guild shows as the operation: {@code model:op}, or {@code op} when the model has no name. */
    String opSpec() {
        return modelName.isEmpty() ? opName : modelName + ":" + opName;
    }
}
