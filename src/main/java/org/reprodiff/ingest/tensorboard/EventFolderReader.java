package org.reprodiff.ingest.tensorboard;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;

/**
 * Reads the event files of one folder, in the order given (file-name order), into one {@link FolderEvents}: the
 * files of a folder are one stream of events, as TensorBoard concatenates them. Reports progress once per file
 * and stops at interruption (marking the result cancelled, the thread's interrupt flag left set). A file that
 * cannot be opened or read is a problem and the next file is read. Opens files read-only; writes nothing. Reuses
 * one record buffer for every file; not thread-safe.
 */
final class EventFolderReader {
    private static final int BUFFER = 1 << 20;

    private final TfRecordReader records = new TfRecordReader(BUFFER);
    private final EventDecoder decoder = new EventDecoder();
    private final Progress progress;
    private final long totalFiles;
    private long doneFiles;

    /** A reader reporting to {@code progress} as file {@code n} of {@code totalFiles}. */
    EventFolderReader(Progress progress, long totalFiles) {
        this.progress = progress;
        this.totalFiles = totalFiles;
    }

    FolderEvents read(Path folder, List<Path> files) {
        FolderEvents events = new FolderEvents(folder);
        for (Path file : files) {
            if (Thread.currentThread().isInterrupted()) {
                events.markCancelled();
                return events;
            }
            String name = file.toString();
            progress.update(doneFiles, totalFiles, name);
            decoder.target(events, name);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                switch (records.read(channel, name, decoder, events.problems())) {
                    case TRUNCATED -> events.markTruncated();
                    case CANCELLED -> {
                        events.markCancelled();
                        return events;
                    }
                    default -> { }
                }
            } catch (IOException | RuntimeException e) {
                events.problems().add(new ImportProblem(name, "", "cannot read: " + e));
            }
            doneFiles++;
        }
        return events;
    }
}
