package org.reprodiff.ingest.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * Maps MLflow's system tags onto run facets; shared by both MLflow stores (FORMATS.md 1.1, "Tags"). All tags
 * are also kept as tags.
 */
final class MlflowTags {
    static final String RUN_NAME = "mlflow.runName";
    static final String USER = "mlflow.user";
    static final String SOURCE_NAME = "mlflow.source.name";
    static final String GIT_COMMIT = "mlflow.source.git.commit";
    static final String GIT_BRANCH = "mlflow.source.git.branch";
    static final String GIT_REPO = "mlflow.source.git.repoURL";
    static final String LEGACY_GIT_BRANCH = "mlflow.gitBranchName";
    static final String LEGACY_GIT_REPO = "mlflow.gitRepoURL";
    static final String PROJECT_ENTRY_POINT = "mlflow.project.entryPoint";
    static final String LOG_MODEL_HISTORY = "mlflow.log-model.history";

    private MlflowTags() {
    }

    /**
     * Applies the tags to the builder: run name (when the run record has none), user, code facet and the
     * Python/framework versions of {@code mlflow.log-model.history}. {@code file} names where the tags came
     * from, for problems.
     */
    static void apply(Map<String, String> tags, Run.Builder run, String recordedName, String recordedUser,
                      String file, List<ImportProblem> problems) {
        tags.forEach(run::tag);
        String name = blankToNull(recordedName);
        run.name(name != null ? name : blankToNull(tags.get(RUN_NAME)));
        String user = blankToNull(tags.get(USER));
        run.user(user != null ? user : blankToNull(recordedUser));
        String remote = firstNonBlank(tags.get(GIT_REPO), tags.get(LEGACY_GIT_REPO));
        String branch = firstNonBlank(tags.get(GIT_BRANCH), tags.get(LEGACY_GIT_BRANCH));
        String commit = blankToNull(tags.get(GIT_COMMIT));
        String program = blankToNull(tags.get(SOURCE_NAME));
        List<String> args = new ArrayList<>();
        String entryPoint = blankToNull(tags.get(PROJECT_ENTRY_POINT));
        if (entryPoint != null) {
            args.add(entryPoint);
        }
        run.code(new CodeState(remote, commit, branch, null, null, program, args, Map.of()));
        String history = tags.get(LOG_MODEL_HISTORY);
        if (history != null && !history.isBlank()) {
            applyModelHistory(history, run, file, problems);
        }
    }

    private static void applyModelHistory(String history, Run.Builder run, String file, List<ImportProblem> problems) {
        JsonNode models;
        try {
            models = LenientJson.mapper().readTree(history);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(new ImportProblem(file, "tag " + LOG_MODEL_HISTORY, "not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        for (JsonNode model : models) {
            JsonNode flavors = model.path("flavors");
            String python = flavors.path("python_function").path("python_version").asText(null);
            run.environment(EnvironmentKeys.PYTHON, python);
            flavors.fields().forEachRemaining(f -> {
                String version = f.getValue().path(f.getKey() + "_version").asText(null);
                if (version != null) {
                    run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + f.getKey(), version);
                }
            });
            run.environment(EnvironmentKeys.FRAMEWORK_PREFIX + "mlflow", model.path("mlflow_version").asText(null));
        }
    }

    private static String firstNonBlank(String a, String b) {
        String x = blankToNull(a);
        return x != null ? x : blankToNull(b);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
