package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.Run;

/**
 * Maps {@code run.json}'s {@code host} entry ({@code sacred/host_info.py}) onto the shared environment keys:
 * {@code hostname} → host, {@code os} ({@code [system, platform string]}) → os (the platform string, else the
 * system), {@code python_version} → python, {@code cpu} → cpu, {@code gpus.gpus[].model} → gpu (the distinct
 * models joined by {@code ", "}) and their number → gpuCount, {@code gpus.driver_version} → driver, and each
 * captured variable of {@code ENV} → {@code env.NAME}. A GPU's total memory is not kept: the driver reports a
 * few MiB more or less for the same card from run to run, which would be noise in every diff.
 */
final class SacredHostParser {
    private SacredHostParser() {
    }

    static void read(JsonNode host, Run.Builder run) {
        if (host == null || !host.isObject()) {
            return;
        }
        run.environment(EnvironmentKeys.HOST, SacredJson.text(host, "hostname"));
        run.environment(EnvironmentKeys.OS, os(host.get("os")));
        run.environment(EnvironmentKeys.PYTHON, SacredJson.text(host, "python_version"));
        run.environment(EnvironmentKeys.CPU, SacredJson.text(host, "cpu"));
        JsonNode gpus = host.get("gpus");
        if (gpus != null && gpus.isObject()) {
            run.environment(EnvironmentKeys.DRIVER, SacredJson.text(gpus, "driver_version"));
            JsonNode list = gpus.get("gpus");
            if (list != null && list.isArray()) {
                Set<String> models = new LinkedHashSet<>();
                list.forEach(g -> {
                    String model = SacredJson.text(g, "model");
                    if (model != null) {
                        models.add(model);
                    }
                });
                run.environment(EnvironmentKeys.GPU, models.isEmpty() ? null : String.join(", ", models));
                run.environment(EnvironmentKeys.GPU_COUNT, Integer.toString(list.size()));
            }
        }
        JsonNode env = host.get("ENV");
        if (env != null && env.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) env::fields) {
                JsonNode v = e.getValue();
                run.environment(EnvironmentKeys.ENV_PREFIX + e.getKey(), v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
        }
    }

    private static String os(JsonNode os) {
        if (os == null || os.isNull()) {
            return null;
        }
        if (os.isArray()) {
            String platform = os.size() > 1 && os.get(1).isTextual() ? os.get(1).asText() : null;
            return platform != null && !platform.isBlank() ? platform : os.size() > 0 ? os.get(0).asText() : null;
        }
        return os.asText();
    }
}
