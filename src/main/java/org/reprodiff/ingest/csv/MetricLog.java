package org.reprodiff.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;

/**
 * One delimited metric log read on its own, for importers whose runs hold such a file among others (Lightning's
 * {@code metrics.csv}, DVCLive's {@code .tsv} plots). The file is read exactly as {@link CsvLogImporter} reads a
 * CSV/TSV log (the x column gives the step, {@code nan}/{@code inf} are values, empty cells are missing points,
 * sparse rows are fine, a time column gives wall times); problems name the file and line, and a last line cut
 * short makes the log {@linkplain #truncated() truncated}. Never throws for bad content.
 */
public record MetricLog(List<MetricSeries> series, List<ImportProblem> problems, boolean truncated) {

    public MetricLog {
        series = List.copyOf(series);
        problems = List.copyOf(problems);
    }

    /** Reads {@code file} (CSV, or TSV when its name ends in {@code .tsv}); an unreadable file is one problem. */
    public static MetricLog readDelimited(Path file) {
        String where = file.toString();
        SeriesCollector collected = new SeriesCollector(where);
        try (InputStream in = Files.newInputStream(file)) {
            DelimitedLogParser.parse(in, MetricLogConvention.isTsvName(file), collected);
        } catch (NoSuchFileException e) {
            collected.problem("", "vanished before it could be read");
        } catch (IOException e) {
            collected.problem("", "cannot read: " + e.getMessage());
        }
        return collected.toLog();
    }
}
