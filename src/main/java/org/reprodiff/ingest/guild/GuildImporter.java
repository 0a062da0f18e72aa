package org.reprodiff.ingest.guild;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.ingest.RunImporter;
import org.reprodiff.ingest.YamlConfig;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;

/**
 * Reads Guild AI runs (FORMATS.md 8). A source, and its only unit, is one run folder ({@link GuildLayout}):
 * {@code ~/.guild/runs/<id>/}, or any folder of such runs, each run found by the project scanner. The importer
 * {@linkplain #ownsSubtree() owns the run folder}, so the event files in it are attached to the Guild run
 * instead of becoming TensorBoard runs of their own. One folder gives one run:
 * <ul>
 *   <li>identity: the folder's canonical path and its name (the run id); name: the {@code label}, else the
 *       operation ({@code model:op} from {@code .guild/opref}); experiment: the operation;</li>
 *   <li>parameters: {@code flags}, typed ({@link YamlConfig}); seed: {@code random_seed}, which Guild passes to
 *       the operation;</li>
 *   <li>status ({@link GuildStatus}), with Guild's own word as the tag {@code guild.status} and the exit status
 *       as {@code guild.exit_status}; start and end: {@code started} and {@code stopped} (µs since the epoch);
 *       user: {@code user};</li>
 *   <li>code ({@link GuildCode}), environment and packages ({@link GuildEnvironment}); data: each operation
 *       dependency of {@code deps} by {@code dep/source} name with the id of the run it resolved to
 *       ({@code config}) as digest, then the files the {@linkplain GuildManifest manifest} lists as resolved
 *       dependencies with their SHA-1 (file dependencies in {@code deps} name no digest, so they are taken from
 *       the manifest only);</li>
 *   <li>metrics: the run's event files ({@link GuildScalars});</li>
 *   <li>tags: {@code guild.cmd} (the command line), {@code guild.tags}, {@code guild.opref}; artifacts: the
 *       folder's top-level entries besides {@code .guild}, and {@code .guild/output}, the captured output (the
 *       run record has no log of its own, so the output is listed, not read).</li>
 * </ul>
 * A run in {@code trash/runs/} is flagged deleted. Every unreadable attribute, an invalid {@code opref} and every
 * damaged event file is an {@link ImportProblem}; the run keeps the rest. Never writes; stateless and
 * thread-safe.
 */
public final class GuildImporter implements RunImporter {
    public static final String FORMAT = "guild";
    private static final int MAX_ARTIFACTS = 1000;
    private static final long MICROS = 1_000_000L;
    private static final String DEPS_ORIGIN = "guild deps";

    @Override
    public String formatId() {
        return FORMAT;
    }

    @Override
    public boolean canRead(Path path) {
        return GuildLayout.isRunFolder(path, null);
    }

    @Override
    public boolean canRead(Path path, BasicFileAttributes attributes) {
        return GuildLayout.isRunFolder(path, attributes);
    }

    @Override
    public boolean ownsSubtree() {
        return true;
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        Path dir = canonical(unit);
        if (!GuildLayout.isRunFolder(dir, null)) {
            return ImportResult.failed(new ImportProblem(dir.toString(), "",
                    "not a Guild run folder (any more): no .guild/attrs or .guild/opref"));
        }
        List<ImportProblem> problems = new ArrayList<>();
        GuildAttrs attrs = new GuildAttrs(dir, problems);
        Run.Builder run = Run.builder(FORMAT, dir.toString(), String.valueOf(dir.getFileName()));
        run.deleted(GuildLayout.inTrash(dir));

        GuildOpRef opref = opref(dir, run, problems);
        String op = opref == null ? null : opref.opSpec();
        String label = attrs.text("label");
        run.name(label != null && !label.isBlank() ? label.strip() : op);
        run.experiment(op);
        run.user(attrs.text("user"));
        status(dir, attrs, run);
        run.startTime(micros(attrs.integer("started")));
        run.endTime(micros(attrs.integer("stopped")));

        params(attrs, run);
        GuildManifest manifest = GuildManifest.read(dir, problems);
        run.code(GuildCode.read(attrs, manifest, op));
        GuildEnvironment.read(attrs, run, problems);
        data(attrs, manifest, run);
        tags(attrs, run);
        artifacts(dir, run, problems);
        if (!new GuildScalars().read(dir, run, problems, progress)) {
            return ImportResult.failed(new ImportProblem(dir.toString(), "", "reading cancelled"));
        }
        problems.forEach(run::problem);
        progress.update(1, 1, dir.toString());
        return new ImportResult(List.of(run.build()), problems);
    }

    private static GuildOpRef opref(Path dir, Run.Builder run, List<ImportProblem> problems) {
        Path file = dir.resolve(GuildLayout.META_DIR).resolve(GuildLayout.OPREF);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String line;
        try {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                line = in.readLine();
            }
            line = line == null ? "" : line.strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(file.toString(), "", "cannot read: " + e.getMessage()));
            return null;
        }
        run.tag("guild.opref", line);
        GuildOpRef opref = GuildOpRef.parse(line);
        if (opref == null) {
            problems.add(new ImportProblem(file.toString(), "line 1",
                    "not an operation reference (<type>:<name> <version> <model> <op>): '" + line + "'"));
        }
        return opref;
    }

    private static void status(Path dir, GuildAttrs attrs, Run.Builder run) {
        Long exit = attrs.integer("exit_status");
        GuildStatus status = GuildStatus.of(dir, exit, exit == null && attrs.present("exit_status"));
        run.status(status.status());
        run.tag("guild.status", status.word());
        if (exit != null) {
            run.tag("guild.exit_status", exit.toString());
        }
    }

    private static void params(GuildAttrs attrs, Run.Builder run) {
        Map<?, ?> flags = attrs.map("flags");
        if (flags != null) {
            YamlConfig.flatten(flags).forEach(run::param);
            run.captured(Facet.PARAMS);
        }
        Object seed = attrs.get("random_seed");
        if (seed instanceof Number || seed instanceof String s && !s.isBlank()) {
            run.seed(new SeedRecord("random_seed", seed.toString().strip(), "guild.random_seed"));
        }
    }

    private static void data(GuildAttrs attrs, GuildManifest manifest, Run.Builder run) {
        Map<?, ?> deps = attrs.map("deps");
        if (deps != null) {
            run.captured(Facet.DATA);
            deps.forEach((dep, sources) -> {
                if (sources instanceof Map<?, ?> m) {
                    m.forEach((source, resolved) -> upstreamRun(dep + "/" + source, resolved, run));
                }
            });
        }
        manifest.data().forEach(run::data);
    }

    /** An operation dependency: the run it resolved to ({@code config}) is its identity. */
    private static void upstreamRun(String name, Object resolved, Run.Builder run) {
        if (resolved instanceof Map<?, ?> r && String.valueOf(r.get("uri")).startsWith("operation:")
                && r.get("config") != null) {
            run.data(new DataRef(name, r.get("config").toString(), DEPS_ORIGIN));
        }
    }

    private static void tags(GuildAttrs attrs, Run.Builder run) {
        List<?> cmd = attrs.list("cmd");
        if (cmd != null) {
            List<String> words = new ArrayList<>();
            cmd.forEach(w -> words.add(String.valueOf(w)));
            run.tag("guild.cmd", String.join(" ", words));
        }
        List<?> tags = attrs.list("tags");
        if (tags != null && !tags.isEmpty()) {
            List<String> words = new ArrayList<>();
            tags.forEach(w -> words.add(String.valueOf(w)));
            run.tag("guild.tags", String.join(", ", words));
        }
    }

    private static void artifacts(Path dir, Run.Builder run, List<ImportProblem> problems) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = String.valueOf(entry.getFileName());
                if (!name.equals(GuildLayout.META_DIR) && names.size() < MAX_ARTIFACTS) {
                    names.add(Files.isDirectory(entry) ? name + "/" : name);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(dir.toString(), "", "cannot list the run folder: " + e.getMessage()));
        }
        if (Files.isRegularFile(dir.resolve(GuildLayout.META_DIR).resolve(GuildLayout.OUTPUT))) {
            names.add(GuildLayout.META_DIR + "/" + GuildLayout.OUTPUT);
        }
        names.sort(null);
        names.forEach(run::artifact);
    }

    private static Instant micros(Long us) {
        return us == null ? null : Instant.ofEpochSecond(Math.floorDiv(us, MICROS), Math.floorMod(us, MICROS) * 1000L);
    }

    private static Path canonical(Path unit) {
        Path dir = unit.toAbsolutePath().normalize();
        try {
            return dir.toRealPath();
        } catch (IOException | RuntimeException e) {
            return dir;
        }
    }
}
