package org.reprodiff.ingest.dvc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * Reads a DVC project folder (one with {@code dvc.yaml} and/or {@code dvc.lock}) as one run: its workspace.
 * <ul>
 *   <li>parameters: {@link DvcProjectParams};</li>
 *   <li>data: each {@code dvc.lock} dependency that is not code ({@link DvcPaths#isCode}), by its path, with its
 *       digest ({@code md5:…}) and, in the origin, the stage, size and file count; and the outputs of the
 *       {@code .dvc} files at the project's top and in its dependency folders (tracked raw data);</li>
 *   <li>code: the digests of the dependencies that are code, keyed by path; the program is the command of a
 *       single-stage pipeline; every stage's command is the tag {@code dvc.stage.<name>.cmd};</li>
 *   <li>artifacts: the {@code dvc.lock} outputs. Outputs are results, not inputs, so they are never data
 *       references: a changed model hash is an effect of a diff's causes, not one of them;</li>
 *   <li>metrics: the project's DVCLive folders ({@code dvclive/}, the project itself, and the folders holding
 *       paths {@code dvc.yaml} names) give series, final values and their own params ({@link DvcLiveFolder});
 *       the metrics files {@code dvc.yaml} names give final values.</li>
 * </ul>
 * Identity: source the project folder, native id {@value #NATIVE_ID}, name the folder's name. Invariants: nothing
 * below the project is walked except DVCLive metrics folders; data folders are at most listed, one level, for
 * {@code .dvc} files; a bad or missing file is a problem and the rest is still read.
 */
final class DvcProjectReader {
    static final String NATIVE_ID = "workspace";
    static final String DVC_YAML = "dvc.yaml";
    static final String DVC_LOCK = "dvc.lock";
    static final String DEFAULT_LIVE_DIR = "dvclive";

    private DvcProjectReader() {
    }

    static Run read(Path dir, String source, List<ImportProblem> problems) {
        Path yamlFile = dir.resolve(DVC_YAML);
        Path lockFile = dir.resolve(DVC_LOCK);
        DvcDocuments.Loaded yaml = DvcDocuments.load(yamlFile, problems);
        DvcPipeline pipeline = yaml.readable() ? DvcPipeline.parse(yaml.document()) : DvcPipeline.EMPTY;
        DvcDocuments.Loaded lockDoc = DvcDocuments.load(lockFile, problems);
        DvcLockFile lock = DvcLockFile.parse(lockDoc.document(), lockFile.toString(), problems);

        Run.Builder run = Run.builder(DvcImporter.FORMAT, source, NATIVE_ID);
        run.name(String.valueOf(dir.getFileName()));
        Set<Path> read = new HashSet<>();
        if (DvcProjectParams.read(dir, pipeline, lock, run, read, problems)) {
            run.captured(Facet.PARAMS);
        }
        Map<String, String> commands = new LinkedHashMap<>(pipeline.commands());
        lock.stages().forEach(s -> {
            if (s.cmd() != null) {
                commands.put(s.name(), s.cmd());
            }
        });
        commands.forEach((stage, cmd) -> run.tag("dvc.stage." + stage + ".cmd", cmd));
        Map<String, String> sources = new TreeMap<>();
        inputs(lock, commands, run, sources);
        trackedData(dir, depPaths(lock), run, problems);
        if (!lock.stages().isEmpty()) {
            run.captured(Facet.DATA);
        }
        String program = commands.size() == 1 ? commands.values().iterator().next() : null;
        run.code(new CodeState(null, null, null, null, null, program, List.of(), sources));

        boolean truncated = false;
        for (Path live : liveFolders(dir, pipeline)) {
            String rel = relative(dir, live);
            String paramsFile = rel.isEmpty() ? DvcValues.DEFAULT_PARAMS : rel + "/" + DvcLiveFolder.PARAMS;
            truncated |= DvcLiveFolder.read(live, paramsFile, run, read, problems).truncated();
        }
        for (String metrics : pipeline.metrics()) {
            Path file = dir.resolve(metrics);
            if (DvcDocuments.supported(metrics) && read.add(file.toAbsolutePath().normalize())
                    && DvcDocuments.load(file, problems).document() instanceof Map<?, ?> m) {
                DvcValues.metrics(m, false).forEach(run::summary);
            }
        }
        run.truncated(truncated);
        Run partial = run.build();
        long[] times = DvcLiveFolder.wallTimeRange(partial.metrics());
        if (times != null) {
            run.startTime(Instant.ofEpochMilli(times[0])).endTime(Instant.ofEpochMilli(times[1]));
        }
        problems.forEach(run::problem);
        return run.build();
    }

    /** Adds the lock's dependencies as data or code and its outputs as artifacts. */
    private static void inputs(DvcLockFile lock, Map<String, String> commands, Run.Builder run,
                               Map<String, String> sources) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> outs = new LinkedHashSet<>();
        for (DvcLockFile.Stage stage : lock.stages()) {
            for (DvcLockFile.Entry dep : stage.deps()) {
                if (!seen.add(dep.path())) {
                    continue;
                }
                if (DvcPaths.isCode(dep.path(), commands.values())) {
                    if (dep.digest() != null) {
                        sources.put(dep.path(), dep.digest());
                    }
                } else {
                    run.data(new DataRef(dep.path(), dep.digest(), origin("dvc.lock " + stage.name() + " dep", dep)));
                }
            }
            stage.outs().forEach(o -> outs.add(o.path()));
        }
        outs.forEach(run::artifact);
    }

    static String origin(String where, DvcLockFile.Entry e) {
        List<String> facts = new ArrayList<>();
        if (e.size() != null) {
            facts.add(e.size() + " bytes");
        }
        if (e.nfiles() != null) {
            facts.add(e.nfiles() + (e.nfiles() == 1 ? " file" : " files"));
        }
        facts.add(e.dvc3() ? "DVC 3 md5" : "DVC 2 md5");
        return where + " (" + String.join(", ", facts) + ")";
    }

    /**
     * The outputs of {@code .dvc} files at the project's top and directly in its dependency folders (DVC's own
     * {@code .dvc/} folder is no such file).
     */
    private static void trackedData(Path dir, Set<String> depPaths, Run.Builder run, List<ImportProblem> problems) {
        for (String folder : dvcFileFolders(dir, depPaths)) {
            Path at = folder.isEmpty() ? dir : dir.resolve(folder);
            List<Path> dvcFiles = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(at, "*.dvc")) {
                for (Path entry : entries) {
                    if (!entry.getFileName().toString().equals(".dvc") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        dvcFiles.add(entry);
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new ImportProblem(at.toString(), "", "cannot list for .dvc files: " + e.getMessage()));
            }
            dvcFiles.sort(null);
            for (Path file : dvcFiles) {
                String fileRel = relative(dir, file);
                DvcDocuments.Loaded doc = DvcDocuments.load(file, problems);
                if (doc.document() instanceof Map<?, ?> m && m.get("outs") instanceof List<?> outs) {
                    Map<String, Object> asLock = Map.of("stages", Map.of(fileRel, Map.of("outs", outs)));
                    for (DvcLockFile.Stage s : DvcLockFile.parse(asLock, file.toString(), problems).stages()) {
                        for (DvcLockFile.Entry o : s.outs()) {
                            String path = DvcPaths.join(folder, o.path());
                            run.data(new DataRef(path, o.digest(), origin(fileRel, o)));
                        }
                    }
                }
            }
        }
    }

    /** The folders searched for {@code .dvc} files: the project's top ("") and its dependency folders inside it. */
    static List<String> dvcFileFolders(Path dir, Set<String> depPaths) {
        List<String> folders = new ArrayList<>();
        folders.add("");
        depPaths.stream().filter(f -> !f.startsWith("..") && !f.startsWith("/")
                && Files.isDirectory(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)).forEach(folders::add);
        return folders;
    }

    /** The dependency paths of every locked stage, in order. */
    static Set<String> depPaths(DvcLockFile lock) {
        Set<String> out = new LinkedHashSet<>();
        lock.stages().forEach(s -> s.deps().forEach(d -> out.add(d.path())));
        return out;
    }

    /** DVCLive folders of the project: itself, {@code dvclive/}, and those holding paths dvc.yaml names. */
    static List<Path> liveFolders(Path dir, DvcPipeline pipeline) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add("");
        candidates.add(DEFAULT_LIVE_DIR);
        for (String path : pipeline.paths()) {
            if (path.startsWith("..") || path.startsWith("/")) {
                continue;
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                candidates.add(path.substring(0, slash));
            }
            candidates.add(path);
        }
        List<Path> out = new ArrayList<>();
        for (String c : candidates) {
            Path p = c.isEmpty() ? dir : dir.resolve(c);
            if (DvcLiveFolder.is(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String relative(Path dir, Path p) {
        List<String> parts = new ArrayList<>();
        dir.relativize(p).forEach(x -> parts.add(x.toString()));
        String s = String.join("/", parts);
        return s.equals(".") ? "" : s;
    }
}
