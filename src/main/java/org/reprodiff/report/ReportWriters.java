package org.reprodiff.report;

/** Renders a comparison in a text format; the one place that maps a format to its writer. */
public final class ReportWriters {
    private final DiffTextWriter text = new DiffTextWriter();
    private final DiffMarkdownWriter markdown = new DiffMarkdownWriter();
    private final DiffJsonWriter json = new DiffJsonWriter();

    public String render(ComparedRuns runs, ReportFormat format) {
        return switch (format) {
            case TEXT -> text.write(runs);
            case MARKDOWN -> markdown.write(runs);
            case JSON -> json.write(runs);
        };
    }
}
