package org.reprodiff.ingest.tensorboard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;

/**
 * Everything read from the event files of one folder, concatenated in file-name order: one series per scalar tag
 * (points in logging order), the hparams plugin's session, the first and last wall time of any event, the
 * problems met, and whether a file ended inside a record. Filled by {@link EventDecoder} and
 * {@link EventFolderReader}; read once reading is over. Not thread-safe.
 */
final class FolderEvents {
    private final Path folder;
    private final TagTable tags = new TagTable();
    private final HParamsSession hparams = new HParamsSession();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long firstWallMs = Long.MAX_VALUE;
    private long lastWallMs = Long.MIN_VALUE;
    private long events;
    private boolean truncated;
    private boolean cancelled;
    private List<MetricSeries> series;

    FolderEvents(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    TagTable tags() {
        return tags;
    }

    HParamsSession hparams() {
        return hparams;
    }

    List<ImportProblem> problems() {
        return problems;
    }

    /** Counts one decoded Event and its wall time ({@link MetricSeries#NO_TIME} when it had none). */
    void event(long wallMs) {
        events++;
        if (wallMs != MetricSeries.NO_TIME) {
            firstWallMs = Math.min(firstWallMs, wallMs);
            lastWallMs = Math.max(lastWallMs, wallMs);
        }
    }

    long events() {
        return events;
    }

    /** The earliest wall time of any event, or null. */
    Instant firstTime() {
        return events > 0 && firstWallMs != Long.MAX_VALUE ? Instant.ofEpochMilli(firstWallMs) : null;
    }

    /** The latest wall time of any event, or null. */
    Instant lastTime() {
        return events > 0 && lastWallMs != Long.MIN_VALUE ? Instant.ofEpochMilli(lastWallMs) : null;
    }

    boolean truncated() {
        return truncated;
    }

    void markTruncated() {
        truncated = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void markCancelled() {
        cancelled = true;
    }

    /** The scalar series, in order of their tags' first appearance; built on the first call, once reading is over. */
    List<MetricSeries> series() {
        if (series == null) {
            series = tags.allSeries();
        }
        return series;
    }
}
