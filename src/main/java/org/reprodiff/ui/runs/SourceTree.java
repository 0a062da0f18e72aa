package org.reprodiff.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprodiff.model.RunSummary;

/**
 * Builds the sources tree of a project from its runs: the project, then one node per format, then one node per
 * folder that holds runs of that format (the parent of each run's source, relative to the project). Formats and
 * folders are in name order; counts add up (a format's count is the sum of its folders').
 */
public final class SourceTree {
    private SourceTree() {
    }

    /** The source a run belongs to: its folder or file, less a database store's {@code #native-id} suffix. */
    static String sourcePath(RunSummary r) {
        String s = r.source() == null ? "" : r.source();
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    /** The folder holding a run's source, relative to {@code project} (absolute when outside it). */
    static String folderOf(RunSummary r, Path project) {
        String source = sourcePath(r).replace('\\', '/');
        int slash = source.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String parent = slash == 0 ? "/" : source.substring(0, slash);
        if (project != null) {
            String base = project.toString().replace('\\', '/');
            if (parent.equals(base)) {
                return "";
            }
            String prefix = base.endsWith("/") ? base : base + "/";
            if (parent.startsWith(prefix)) {
                return parent.substring(prefix.length());
            }
        }
        return parent;
    }

    /**
     * A folder as the tree shows it: its first two parts and its last, the middle elided ({@code a/b/…/z});
     * "(project folder)" for the project itself. The full folder is the node's tooltip.
     */
    static String shortLabel(String folder) {
        if (folder.isEmpty()) {
            return "(project folder)";
        }
        String[] parts = folder.split("/");
        if (parts.length <= 3) {
            return folder;
        }
        return parts[0] + "/" + parts[1] + "/…/" + parts[parts.length - 1];
    }

    public static SourceNode build(String projectLabel, Path project, List<RunSummary> runs) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<Long, String> folderById = new HashMap<>();
        for (RunSummary r : runs) {
            String folder = folderOf(r, project);
            folderById.put(r.id(), folder);
            counts.computeIfAbsent(r.format(), f -> new TreeMap<>()).merge(folder, 1, Integer::sum);
        }
        List<SourceNode> formats = new ArrayList<>();
        counts.forEach((format, folders) -> {
            List<SourceNode> folderNodes = new ArrayList<>();
            folders.forEach((folder, n) -> folderNodes.add(new SourceNode(shortLabel(folder),
                    format, folder, n, List.of(), r -> r.format().equals(format) && folder.equals(folderById.get(r.id())))));
            int total = folders.values().stream().mapToInt(Integer::intValue).sum();
            formats.add(new SourceNode(format, format, null, total, folderNodes, r -> r.format().equals(format)));
        });
        return new SourceNode(projectLabel, null, null, runs.size(), formats, r -> true);
    }
}
