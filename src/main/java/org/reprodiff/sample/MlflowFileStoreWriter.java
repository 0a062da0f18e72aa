package org.reprodiff.sample;

import org.reprodiff.model.PythonFloatFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes an MLflow file store ({@code mlruns/}) byte for byte as the MLflow 2.x client writes it (FORMATS.md 1.1):
 * experiment and run {@code meta.yaml} with PyYAML's sorted block layout, {@code params/} and {@code tags/} files
 * holding the exact value without a newline, {@code metrics/} lines {@code <ts_ms> <value> <step>} with Python's
 * float formatting, and a PyTorch model logged under {@code artifacts/<path>/} ({@code MLmodel}, {@code conda.yaml},
 * {@code python_env.yaml}, {@code requirements.txt}) with its {@code mlflow.log-model.history} tag.
 *
 * <p>Invariants: it writes only what the MLflow client itself writes (no model weights, no extra files); it never
 * reads the clock, so the same records give the same bytes; keys containing {@code /} become sub-folders, as in
 * MLflow. Each file is one {@code Files.write} of a byte array.
 */
public final class MlflowFileStoreWriter {

    /** MLflow's {@code RunStatus} integers as the file store keeps them. */
    public static final int RUNNING = 1;
    public static final int FINISHED = 3;
    public static final int FAILED = 4;
    public static final int KILLED = 5;

    /** An experiment's {@code meta.yaml}. */
    public record Experiment(String id, String name, String artifactLocation, long creationTime,
            long lastUpdateTime) {
    }

    /** One metric's points in logging order; {@code key} may contain {@code /}. */
    public record Metric(String key, long[] timestamps, double[] values, long[] steps) {
        public Metric {
            if (timestamps.length != values.length || values.length != steps.length) {
                throw new IllegalArgumentException("metric " + key + ": arrays of different lengths");
            }
        }
    }

    /** Where the run was started from: the tags {@code mlflow.source.*}; {@code gitCommit} may be null. */
    public record Source(String name, String type, String gitCommit) {
    }

    /**
     * A model logged with {@code mlflow.pytorch.log_model(..., pip_requirements=...)}: MLflow puts {@code mlflow}
     * first and keeps the given requirements, local version labels such as {@code +cu118} included.
     */
    public record PytorchModel(String artifactPath, String utcTimeCreated, String modelUuid, String mlflowVersion,
            String pythonVersion, String pytorchVersion, long modelSizeBytes, String pipVersion,
            List<String> buildDependencies, List<String> pipRequirements) {
    }

    /**
     * A run. {@code endTime} is null while running; {@code params} and {@code tags} (user tags, beside the system
     * tags this writer adds) keep their iteration order; {@code model} may be null.
     */
    public record Run(String experimentId, String runId, String runName, String userId, long startTime, Long endTime,
            int status, String artifactUri, Source source, Map<String, String> params, Map<String, String> tags,
            List<Metric> metrics, PytorchModel model) {
    }

    private final Path root;

    /** A writer into the store folder {@code root} (usually named {@code mlruns}). */
    public MlflowFileStoreWriter(Path root) {
        this.root = Objects.requireNonNull(root);
    }

    public Path root() {
        return root;
    }

    /** What {@code FileStore.__init__} creates on first use: the root, {@code .trash/} and experiment 0. */
    public void createStore(String artifactRootUri, long creationTime) throws IOException {
        Files.createDirectories(root.resolve(".trash"));
        writeExperiment(new Experiment("0", "Default", artifactRootUri + "/0", creationTime, creationTime));
    }

    public void writeExperiment(Experiment e) throws IOException {
        Path dir = Files.createDirectories(root.resolve(e.id()));
        write(dir.resolve("meta.yaml"), experimentMetaYaml(e));
    }

    /** Writes the run folder: meta.yaml, params, tags (system tags included), metrics, and the logged model. */
    public void writeRun(Run run) throws IOException {
        Path dir = root.resolve(run.experimentId()).resolve(run.runId());
        Files.createDirectories(dir);
        write(dir.resolve("meta.yaml"), runMetaYaml(run));
        Path params = Files.createDirectories(dir.resolve("params"));
        Path metrics = Files.createDirectories(dir.resolve("metrics"));
        Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
        Path tags = Files.createDirectories(dir.resolve("tags"));
        for (Map.Entry<String, String> p : run.params().entrySet()) {
            write(keyFile(params, p.getKey()), p.getValue());
        }
        write(tags.resolve("mlflow.runName"), run.runName());
        write(tags.resolve("mlflow.user"), run.userId());
        write(tags.resolve("mlflow.source.name"), run.source().name());
        write(tags.resolve("mlflow.source.type"), run.source().type());
        if (run.source().gitCommit() != null) {
            write(tags.resolve("mlflow.source.git.commit"), run.source().gitCommit());
        }
        for (Map.Entry<String, String> t : run.tags().entrySet()) {
            write(keyFile(tags, t.getKey()), t.getValue());
        }
        for (Metric m : run.metrics()) {
            Files.write(keyFile(metrics, m.key()), metricLines(m));
        }
        if (run.model() != null) {
            writePytorchModel(artifacts, run.runId(), run.model());
            write(tags.resolve("mlflow.log-model.history"), logModelHistory(run.runId(), run.model()));
        }
    }

    private static void writePytorchModel(Path artifacts, String runId, PytorchModel model) throws IOException {
        Path dir = Files.createDirectories(artifacts.resolve(model.artifactPath()));
        write(dir.resolve("MLmodel"), mlmodelYaml(runId, model));
        write(dir.resolve("conda.yaml"), condaYaml(model));
        write(dir.resolve("python_env.yaml"), pythonEnvYaml(model));
        write(dir.resolve("requirements.txt"), String.join("\n", requirements(model)));
    }

    // ---- file contents -------------------------------------------------------------------------------------

    /** {@code <exp>/meta.yaml}: {@code dict(Experiment)} minus tags, keys sorted. */
    static String experimentMetaYaml(Experiment e) {
        StringBuilder y = new StringBuilder(256);
        entry(y, "artifact_location", e.artifactLocation());
        y.append("creation_time: ").append(e.creationTime()).append('\n');
        entry(y, "experiment_id", e.id());
        y.append("last_update_time: ").append(e.lastUpdateTime()).append('\n');
        entry(y, "lifecycle_stage", "active");
        entry(y, "name", e.name());
        return y.toString();
    }

    /** {@code <run>/meta.yaml}: {@code _make_persisted_run_info_dict}, keys sorted. */
    static String runMetaYaml(Run r) {
        StringBuilder y = new StringBuilder(512);
        entry(y, "artifact_uri", r.artifactUri());
        y.append("end_time: ").append(r.endTime() == null ? "null" : r.endTime().toString()).append('\n');
        entry(y, "entry_point_name", "");
        entry(y, "experiment_id", r.experimentId());
        entry(y, "lifecycle_stage", "active");
        entry(y, "run_id", r.runId());
        entry(y, "run_name", r.runName());
        entry(y, "run_uuid", r.runId());
        entry(y, "source_name", "");
        y.append("source_type: 4\n");
        entry(y, "source_version", "");
        y.append("start_time: ").append(r.startTime()).append('\n');
        y.append("status: ").append(r.status()).append('\n');
        y.append("tags: []\n");
        entry(y, "user_id", r.userId());
        return y.toString();
    }

    /** {@code metrics/<key>}: one {@code f"{timestamp} {value} {step}"} line per point. */
    static byte[] metricLines(Metric m) {
        StringBuilder b = new StringBuilder(m.values().length * 40);
        for (int i = 0; i < m.values().length; i++) {
            b.append(m.timestamps()[i]).append(' ').append(PythonFloatFormat.repr(m.values()[i])).append(' ')
                    .append(m.steps()[i]).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code MLmodel}: {@code Model.to_dict()} through {@code yaml.safe_dump(default_flow_style=False)}. */
    static String mlmodelYaml(String runId, PytorchModel m) {
        StringBuilder y = new StringBuilder(768);
        entry(y, "artifact_path", m.artifactPath());
        y.append("flavors:\n");
        y.append("  python_function:\n");
        y.append("    data: data\n");
        y.append("    env:\n");
        y.append("      conda: conda.yaml\n");
        y.append("      virtualenv: python_env.yaml\n");
        y.append("    loader_module: mlflow.pytorch\n");
        y.append("    pickle_module_name: mlflow.pytorch.pickle_module\n");
        y.append("    python_version: ").append(PyYamlScalar.of(m.pythonVersion(), 20)).append('\n');
        y.append("  pytorch:\n");
        y.append("    code: null\n");
        y.append("    model_data: data\n");
        y.append("    pytorch_version: ").append(PyYamlScalar.of(m.pytorchVersion(), 21)).append('\n');
        entry(y, "mlflow_version", m.mlflowVersion());
        y.append("model_size_bytes: ").append(m.modelSizeBytes()).append('\n');
        entry(y, "model_uuid", m.modelUuid());
        entry(y, "run_id", runId);
        entry(y, "utc_time_created", m.utcTimeCreated());
        return y.toString();
    }

    /** {@code conda.yaml}: {@code _mlflow_conda_env(additional_pip_deps=requirements)}, keys sorted. */
    static String condaYaml(PytorchModel m) {
        StringBuilder y = new StringBuilder(256);
        y.append("channels:\n- conda-forge\ndependencies:\n");
        y.append("- ").append(PyYamlScalar.of("python=" + m.pythonVersion(), 2)).append('\n');
        y.append("- ").append(PyYamlScalar.of("pip<=" + m.pipVersion(), 2)).append('\n');
        y.append("- pip:\n");
        for (String r : requirements(m)) {
            y.append("  - ").append(PyYamlScalar.of(r, 4)).append('\n');
        }
        y.append("name: mlflow-env\n");
        return y.toString();
    }

    /** {@code python_env.yaml}: {@code _PythonEnv.to_yaml}, insertion order (sort_keys=False). */
    static String pythonEnvYaml(PytorchModel m) {
        StringBuilder y = new StringBuilder(128);
        entry(y, "python", m.pythonVersion());
        y.append("build_dependencies:\n");
        for (String d : m.buildDependencies()) {
            y.append("- ").append(PyYamlScalar.of(d, 2)).append('\n');
        }
        y.append("dependencies:\n- -r requirements.txt\n");
        return y.toString();
    }

    /** The requirements as MLflow writes them: {@code mlflow==<version>} first unless the user listed mlflow. */
    static List<String> requirements(PytorchModel m) {
        boolean hasMlflow = m.pipRequirements().stream()
                .anyMatch(r -> r.equals("mlflow") || r.startsWith("mlflow=") || r.startsWith("mlflow<")
                        || r.startsWith("mlflow>") || r.startsWith("mlflow["));
        if (hasMlflow) {
            return m.pipRequirements();
        }
        return Stream.concat(Stream.of("mlflow==" + m.mlflowVersion()), m.pipRequirements().stream()).toList();
    }

    /**
     * The tag {@code mlflow.log-model.history}: {@code json.dumps([model.get_tags_dict()])}, keys in the order the
     * Python dicts were filled (flavor {@code pytorch} added before {@code python_function}).
     */
    static String logModelHistory(String runId, PytorchModel m) {
        StringBuilder j = new StringBuilder(512);
        j.append("[{\"run_id\": ").append(json(runId));
        j.append(", \"artifact_path\": ").append(json(m.artifactPath()));
        j.append(", \"utc_time_created\": ").append(json(m.utcTimeCreated()));
        j.append(", \"flavors\": {\"pytorch\": {\"model_data\": \"data\", \"pytorch_version\": ")
                .append(json(m.pytorchVersion())).append(", \"code\": null}");
        j.append(", \"python_function\": {\"pickle_module_name\": \"mlflow.pytorch.pickle_module\"")
                .append(", \"loader_module\": \"mlflow.pytorch\", \"python_version\": ").append(json(m.pythonVersion()))
                .append(", \"data\": \"data\", \"env\": {\"conda\": \"conda.yaml\", \"virtualenv\": \"python_env.yaml\"}}}");
        j.append(", \"model_uuid\": ").append(json(m.modelUuid()));
        j.append(", \"mlflow_version\": ").append(json(m.mlflowVersion()));
        j.append(", \"model_size_bytes\": ").append(m.modelSizeBytes());
        j.append("}]");
        return j.toString();
    }

    // ---- encoding ------------------------------------------------------------------------------------------

    private static void entry(StringBuilder y, String key, String value) {
        y.append(key).append(": ").append(PyYamlScalar.of(value, key.length() + 2)).append('\n');
    }

    /** A JSON string as Python's {@code json.dumps} writes it (ensure_ascii: non-ASCII as lower-case \\uXXXX). */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The file for a param, tag or metric key; a key with {@code /} lives in sub-folders, as in MLflow. */
    private static Path keyFile(Path folder, String key) throws IOException {
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new IllegalArgumentException("not a key MLflow accepts: " + key);
            }
        }
        Path file = folder.resolve(key);
        if (key.indexOf('/') >= 0) {
            Files.createDirectories(file.getParent());
        }
        return file;
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
