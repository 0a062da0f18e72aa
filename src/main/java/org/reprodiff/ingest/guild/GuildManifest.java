package org.reprodiff.ingest.guild;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.ImportProblem;

/**
 * What {@code .guild/manifest} says was copied into the run (Guild's {@code run_manifest.py}): one shell-quoted
 * entry per line; {@code s <run path> <sha1> <project path>} for a source file, {@code d <run path>
 * <sha1 or -> <source uri> [<subpath>]} for a resolved dependency ({@code -} when it is not a file). Source
 * files give SHA-1 digests keyed by their project path; dependencies give data references named by their path in
 * the run, with the SHA-1 as digest (none for {@code -}). Other entries (interim files) are skipped; an
 * {@code s} or {@code d} entry with too few words is a problem. Reads at most {@value #MAX_LINES} lines.
 *
 * @param sourceDigests project path → SHA-1
 * @param data          the dependencies, in file order
 */
record GuildManifest(Map<String, String> sourceDigests, List<DataRef> data) {
    static final String ORIGIN = "guild manifest";
    private static final int MAX_LINES = 100_000;
    static final GuildManifest NONE = new GuildManifest(Map.of(), List.of());

    static GuildManifest read(Path run, List<ImportProblem> problems) {
        Path file = run.resolve(GuildLayout.META_DIR).resolve(GuildLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Map<String, String> sources = new TreeMap<>();
        List<DataRef> data = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null && ++n <= MAX_LINES) {
                boolean source = line.startsWith("s ");
                if (!source && !line.startsWith("d ")) {
                    continue;
                }
                List<String> words = ShlexParser.split(line);
                if (words == null || words.size() < 4) {
                    problems.add(new ImportProblem(file.toString(), "line " + n, "not a manifest entry: '" + line + "'"));
                } else if (source) {
                    sources.put(words.get(3), words.get(2));
                } else {
                    data.add(new DataRef(words.get(1), words.get(2).equals("-") ? null : words.get(2), ORIGIN));
                }
            }
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file.toString(), "", "cannot read: " + e.getMessage()));
        }
        return new GuildManifest(sources, data);
    }
}
