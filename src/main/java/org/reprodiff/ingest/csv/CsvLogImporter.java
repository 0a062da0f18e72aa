package org.reprodiff.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.csv.MetricLogConvention.Kind;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;

/**
 * Reads single-file metric logs: files written by Keras's {@code CSVLogger} (FORMATS.md 9: header {@code epoch}
 * then the sorted metric names, {@code NA} for a missing value, {@code \r\r\n} line endings when written on
 * Windows) and generic CSV/TSV/JSONL metric logs. Which files count is the convention documented in
 * {@link MetricLogConvention}: a file's name and its first few KB must both say "metric log", so a folder of data
 * CSVs never turns into runs, and files other importers own (Lightning's {@code metrics.csv}, W&amp;B's and
 * DVCLive's logs) are left to them.
 *
 * <p>A source, and its only unit, is one regular file (links are not followed), and it gives one run: native id
 * the file name, source its canonical path, name {@code <folder>/<file>}; one series per numeric column (step =
 * the x column, for Keras the epoch); start and end time from the wall times when the log has a time column;
 * the tag {@code csv.kind} ({@code keras}, {@code delimited} or {@code jsonl}) says how it was read. These logs
 * record no parameters, code, environment or status, so those stay not captured. Bad lines are problems naming
 * their line and the rest is still read; a last line cut short marks the run truncated. Never writes; stateless
 * and thread-safe.
 */
public final class CsvLogImporter implements RunImporter {
    public static final String FORMAT = "csv";

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        try {
            return path != null && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    && MetricLogSniffer.sniff(path) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Checks the name before touching the file: the scanner asks this of every file in a project. */
    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        if (path == null || attributes == null || !attributes.isRegularFile()
                || MetricLogConvention.kindsByName(path).isEmpty()) {
            return false;
        }
        return MetricLogSniffer.sniff(path) != null;
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path file = unit.toAbsolutePath().normalize();
        String where = file.toString();
        Kind kind = MetricLogSniffer.sniff(file);
        if (kind == null) {
            kind = MetricLogConvention.kindsByName(file).contains(Kind.JSONL) ? Kind.JSONL : Kind.DELIMITED;
        }
        SeriesCollector collected = new SeriesCollector(where);
        try (InputStream in = Files.newInputStream(file)) {
            if (kind == Kind.JSONL) {
                JsonLinesLogParser.parse(in, collected);
            } else {
                DelimitedLogParser.parse(in, MetricLogConvention.isTsvName(file), collected);
            }
        } catch (NoSuchFileException e) {
            return ImportResult.failed(new ImportProblem(where, "", "vanished before it could be read"));
        } catch (IOException e) {
            collected.problem("", "cannot read: " + e.getMessage());
        }
        String fileName = String.valueOf(file.getFileName());
        Run.Builder run = Run.builder(FORMAT, SourcePaths.canonical(file), fileName);
        Path folder = file.getParent() == null ? null : file.getParent().getFileName();
        run.name(folder == null ? fileName : folder + "/" + fileName);
        run.tag("csv.kind", kind.name().toLowerCase(Locale.ROOT));
        List<ImportProblem> problems = collected.into(run);
        progress.update(1, 1, fileName);
        return new ImportResult(List.of(run.build()), problems);
    }
}
