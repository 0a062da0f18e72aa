package org.reprodiff.ingest.mlflow;

import org.reprodiff.ingest.PackageListParser;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * Lists a run's {@code artifacts/} folder (paths relative to it, {@code /}-separated, sorted; links are listed,
 * not followed) and reads the environment of every logged model in it: each folder holding an {@code MLmodel}
 * file may have {@code requirements.txt}, {@code conda.yaml} and {@code python_env.yaml}, read by
 * {@link PackageListParser}. A package's origin is its file's path relative to {@code artifacts/}, so the
 * packages of several models stay apart.
 */
final class MlflowArtifactsParser {
    static final String MLMODEL = "MLmodel";
    private static final int MAX_DEPTH = 64;

    private MlflowArtifactsParser() {
    }

    /** Lists the artifacts and reads the models' environments; true when a TensorBoard event file is among them. */
    static boolean read(Path artifactsDir, Run.Builder run, List<ImportProblem> problems) {
        if (!Files.isDirectory(artifactsDir, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(artifactsDir, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new ImportProblem(artifactsDir.toString(), "", "expected the artifacts folder, found "
                        + (Files.isSymbolicLink(artifactsDir) ? "a link (not followed)" : "a file")));
            }
            return false;
        }
        List<String> artifacts = new ArrayList<>();
        List<Path> models = new ArrayList<>();
        boolean[] events = {false};
        try {
            Files.walkFileTree(artifactsDir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            artifacts.add(relative(artifactsDir, file));
                            events[0] |= file.getFileName().toString().contains("tfevents");
                            if (MLMODEL.equals(file.getFileName().toString())) {
                                models.add(file.getParent());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new ImportProblem(file.toString(), "", "artifact cannot be listed: " + e));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new ImportProblem(artifactsDir.toString(), "", "artifacts cannot be listed: " + e));
        }
        artifacts.sort(null);
        artifacts.forEach(run::artifact);
        models.sort(null);
        for (Path model : models) {
            readModel(artifactsDir, model, run, problems);
        }
        return events[0];
    }

    private static void readModel(Path artifactsDir, Path model, Run.Builder run, List<ImportProblem> problems) {
        for (String name : List.of("requirements.txt", "conda.yaml", "python_env.yaml")) {
            Path file = model.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            MlflowMetaFile.Text text = MlflowMetaFile.readText(file);
            if (text.problem() != null) {
                problems.add(text.problem());
                continue;
            }
            String origin = relative(artifactsDir, file);
            String shown = file.toString();
            PackageListParser.Environment env = switch (name) {
                case "requirements.txt" -> PackageListParser.requirements(text.text(), origin, shown, problems);
                case "conda.yaml" -> PackageListParser.conda(text.text(), origin, shown, problems);
                default -> PackageListParser.pythonEnv(text.text(), origin, shown, problems);
            };
            env.packages().forEach(run::packageRef);
            run.environment(EnvironmentKeys.PYTHON, env.python());
        }
    }

    private static String relative(Path base, Path file) {
        StringBuilder key = new StringBuilder();
        for (Path part : base.relativize(file)) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }
}
