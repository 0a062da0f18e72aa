package org.reprodiff.ingest.mlflow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * Reads a run's dataset inputs (MLflow 2.4 and later, FORMATS.md 1.1 "Datasets / inputs"): each
 * {@code inputs/<input_id>/meta.yaml} with {@code source_type: DATASET} points by {@code source_id} at the
 * experiment's {@code datasets/<source_id>/meta.yaml}, which holds the dataset's name and digest. Model inputs
 * (MLflow 3) are not datasets and are passed over.
 */
final class MlflowInputsParser {
    static final String CONTEXT_TAG = "mlflow.data.context";
    static final String ORIGIN = "mlflow input";

    private MlflowInputsParser() {
    }

    static void read(Path inputsDir, Path experimentDir, Run.Builder run, List<ImportProblem> problems) {
        if (!Files.exists(inputsDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> inputs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(inputsDir)) {
            stream.forEach(inputs::add);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(inputsDir.toString(), "", "inputs folder cannot be listed: " + e));
            return;
        }
        inputs.sort(null);
        for (Path input : inputs) {
            readInput(input, experimentDir, run, problems);
        }
    }

    private static void readInput(Path input, Path experimentDir, Run.Builder run, List<ImportProblem> problems) {
        Path metaFile = input.resolve(MlflowFileStoreLayout.META);
        if (!Files.isDirectory(input)) {
            problems.add(new ImportProblem(input.toString(), "", "not an input folder (expected <id>/meta.yaml)"));
            return;
        }
        MlflowMetaFile.Outcome meta = MlflowMetaFile.readMap(metaFile);
        if (meta.problem() != null) {
            problems.add(meta.problem());
            return;
        }
        if (!"DATASET".equals(MlflowFileStoreImporter.text(meta.map(), "source_type"))) {
            return;
        }
        String datasetId = MlflowFileStoreImporter.text(meta.map(), "source_id");
        if (datasetId == null || datasetId.isBlank() || datasetId.contains("/") || datasetId.contains("\\")
                || datasetId.startsWith(".")) {
            problems.add(new ImportProblem(metaFile.toString(), "field source_id",
                    "not a dataset id: '" + datasetId + "'"));
            return;
        }
        Path datasetFile = experimentDir.resolve("datasets").resolve(datasetId).resolve(MlflowFileStoreLayout.META);
        MlflowMetaFile.Outcome dataset = MlflowMetaFile.readMap(datasetFile);
        if (dataset.problem() != null) {
            ImportProblem p = dataset.problem();
            problems.add(new ImportProblem(p.file(), p.where(), "dataset " + datasetId + " used by input "
                    + input.getFileName() + ": " + p.message()));
            return;
        }
        String name = MlflowFileStoreImporter.text(dataset.map(), "name");
        if (name == null) {
            problems.add(new ImportProblem(datasetFile.toString(), "field name", "dataset has no name"));
            return;
        }
        String context = context(meta.map().get("tags"));
        String origin = context == null ? ORIGIN : ORIGIN + " (" + context + ")";
        run.data(new DataRef(name, MlflowFileStoreImporter.text(dataset.map(), "digest"), origin));
    }

    /** The input's context tag; tags are a mapping, or a list of {key, value} in other writers. */
    private static String context(Object tags) {
        if (tags instanceof Map<?, ?> map) {
            return MlflowTags.blankToNull(MlflowFileStoreImporter.text(map, CONTEXT_TAG));
        }
        if (tags instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> tag && CONTEXT_TAG.equals(MlflowFileStoreImporter.text(tag, "key"))) {
                    return MlflowTags.blankToNull(MlflowFileStoreImporter.text(tag, "value"));
                }
            }
        }
        return null;
    }
}
