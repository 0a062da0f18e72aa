package org.reprodiff.ingest.tensorboard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.ingest.SourcePaths;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * Turns one {@link TensorboardLayout.RunFolder} into runs. The folder's own event files make the run: its
 * identity is ({@code source} = the folder's canonical absolute path, {@code native id} = the folder's name, or
 * {@code .} for a root), its name is the folder's name and its experiment the parent folder's name; series are
 * keyed by tag; parameters and status come from the hparams plugin (no session end info: {@code UNKNOWN});
 * start and end times are the earliest and latest event wall times. Child folders are decided by content:
 * <ul>
 * <li>an {@code add_scalars} child, whose every tag {@code T} satisfies {@code folder name = T with "/" → "_" +
 *     "_" + S} (PyTorch's naming), is attached as series {@code T/S} (the folder name plus {@code /T} if that key
 *     is taken);
 * <li>a lone {@code add_hparams} child (it holds session start info) is linked back: its parameters join the
 *     run's (the run's own values win), its status is used when the run has none, and its metric scalars are
 *     attached under their tags (the folder name plus {@code /tag} if taken). Several such children are several
 *     trials (PyTorch's own example calls {@code add_hparams} in a loop), so each then becomes a run of its own;
 * <li>any other child is a run of its own.
 * </ul>
 * Attached children's problems and truncation count for the run. Not thread-safe (shares the folder reader).
 */
final class RunFolderReader {
    private final EventFolderReader reader;

    RunFolderReader(EventFolderReader reader) {
        this.reader = reader;
    }

    /** The runs of {@code folder} added to {@code runs}; false when reading was cancelled. */
    boolean read(TensorboardLayout.RunFolder folder, List<Run> runs) {
        FolderEvents own = reader.read(folder.dir(), folder.eventFiles());
        if (own.cancelled()) {
            return false;
        }
        Assembly run = new Assembly(folder.dir());
        run.add(own, "");
        List<FolderEvents> trials = new ArrayList<>();
        for (TensorboardLayout.Child child : folder.children()) {
            FolderEvents events = reader.read(child.dir(), child.eventFiles());
            if (events.cancelled()) {
                return false;
            }
            String name = String.valueOf(child.dir().getFileName());
            if (events.hparams().started()) {
                trials.add(events);
            } else if (isAddScalarsChild(name, events)) {
                run.addScalarsChild(events, name);
            } else {
                runs.add(new Assembly(child.dir()).add(events, "").build());
            }
        }
        if (trials.size() == 1) {
            run.linkTrial(trials.get(0));
        } else {
            for (FolderEvents trial : trials) {
                runs.add(new Assembly(trial.folder()).add(trial, "").build());
            }
        }
        runs.add(run.build());
        return true;
    }

    /** Whether every tag of the child's series gives PyTorch's {@code add_scalars} folder name a suffix. */
    static boolean isAddScalarsChild(String folderName, FolderEvents events) {
        for (MetricSeries s : events.series()) {
            if (addScalarsSuffix(folderName, s.key()) == null) {
                return false;
            }
        }
        return true;
    }

    /** {@code S} when {@code folderName} is {@code tag} with {@code /} → {@code _}, then {@code _S}; else null. */
    static String addScalarsSuffix(String folderName, String tag) {
        String prefix = tag.replace('/', '_') + "_";
        return folderName.length() > prefix.length() && folderName.startsWith(prefix)
                ? folderName.substring(prefix.length()) : null;
    }

    /** One run being put together from a folder and the children attached to it. */
    private static final class Assembly {
        private final Run.Builder run;
        private final Set<String> keys = new HashSet<>();
        private final Set<String> paramKeys = new HashSet<>();
        private RunStatus status;
        private Instant first;
        private Instant last;

        Assembly(Path dir) {
            Path name = dir.getFileName();
            Path parent = dir.getParent();
            run = Run.builder(TensorboardImporter.FORMAT, SourcePaths.canonical(dir), name == null ? "." : name.toString())
                    .name(name == null ? "." : name.toString())
                    .experiment(parent == null || parent.getFileName() == null ? null : parent.getFileName().toString());
        }

        /** Adds a folder's series (keys prefixed with {@code prefix}), parameters, status, times and problems. */
        Assembly add(FolderEvents events, String prefix) {
            for (MetricSeries s : events.series()) {
                series(s, prefix + s.key());
            }
            params(events.hparams().params());
            if (status == null) {
                status = events.hparams().status();
            }
            merge(events);
            return this;
        }

        void addScalarsChild(FolderEvents events, String folderName) {
            for (MetricSeries s : events.series()) {
                String key = s.key() + "/" + addScalarsSuffix(folderName, s.key());
                series(s, keys.contains(key) ? folderName + "/" + s.key() : key);
            }
            merge(events);
        }

        void linkTrial(FolderEvents trial) {
            String folderName = String.valueOf(trial.folder().getFileName());
            for (MetricSeries s : trial.series()) {
                series(s, keys.contains(s.key()) ? folderName + "/" + s.key() : s.key());
            }
            params(trial.hparams().params());
            if (status == null) {
                status = trial.hparams().status();
            }
            merge(trial);
        }

        Run build() {
            return run.status(status == null ? RunStatus.UNKNOWN : status).startTime(first).endTime(last).build();
        }

        private void series(MetricSeries s, String key) {
            keys.add(key);
            run.metric(key.equals(s.key()) ? s : new MetricSeries(key, s.steps(), s.values(), s.wallTimes()));
        }

        private void params(Map<String, ParamValue> params) {
            params.forEach((k, v) -> {
                if (paramKeys.add(k)) {
                    run.param(k, v);
                }
            });
        }

        private void merge(FolderEvents events) {
            for (ImportProblem p : events.problems()) {
                run.problem(p);
            }
            if (events.truncated()) {
                run.truncated(true);
            }
            first = earlier(first, events.firstTime());
            last = later(last, events.lastTime());
        }

        private static Instant earlier(Instant a, Instant b) {
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }
}
