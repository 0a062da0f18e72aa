package org.reprodiff.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;

/**
 * A test importer for a made-up format: a folder holding {@code toy.store} is a source; each sub-folder with a
 * {@code run.txt} is a unit whose first line is the run id and second line the value of param {@code lr}.
 * Counts its reads, and fails on a run.txt that says {@code explode}.
 */
public final class ToyImporter implements RunImporter {
    public final AtomicInteger reads = new AtomicInteger();
    public final AtomicInteger sniffs = new AtomicInteger();

    @Override
    public String formatId() {
        return "toy";
    }

    @Override
    public boolean canRead(Path path) {
        sniffs.incrementAndGet();
        return Files.isRegularFile(path.resolve("toy.store"));
    }

    @Override
    public List<Path> units(Path source) throws IOException {
        try (Stream<Path> s = Files.list(source)) {
            return s.filter(p -> Files.exists(p.resolve("run.txt"))).sorted().toList();
        }
    }

    @Override
    public ImportResult read(Path unit, Progress progress) {
        reads.incrementAndGet();
        Path file = unit.resolve("run.txt");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return ImportResult.failed(new ImportProblem(file.toString(), "", "cannot read: " + e));
        }
        if (lines.get(0).equals("explode")) {
            throw new IllegalStateException("boom");
        }
        if (lines.size() < 2) {
            return ImportResult.failed(new ImportProblem(file.toString(), "line 2", "missing lr"));
        }
        Run run = Run.builder("toy", unit.toAbsolutePath().toString(), lines.get(0)).name(lines.get(0))
                .status(RunStatus.FINISHED).param("lr", ParamValue.fromText(lines.get(1))).build();
        return new ImportResult(List.of(run), List.of());
    }
}
