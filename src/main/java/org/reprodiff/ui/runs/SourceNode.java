package org.reprodiff.ui.runs;

import java.util.List;
import java.util.function.Predicate;
import org.reprodiff.model.RunSummary;

/**
 * A node of the project's sources tree: the whole project, a format, or a folder holding runs of a format. Its
 * {@code runCount} is the number of runs under it; {@link #contains} says whether a run is one of them.
 *
 * @param format the format of the runs under it (null for the project node)
 * @param folder the folder, relative to the project (null for the project and format nodes; empty for runs
 *               straight in the project folder)
 */
public record SourceNode(String label, String format, String folder, int runCount, List<SourceNode> children,
                         Predicate<RunSummary> contains) {
    public SourceNode {
        children = List.copyOf(children);
    }

    /** The text a tree shows: the label and the run count. */
    public String text() {
        return label + " (" + runCount + ")";
    }
}
