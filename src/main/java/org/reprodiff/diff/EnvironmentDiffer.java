package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.Facet;

/**
 * Compares environment and hardware facts one by one. Recorded environment variables that affect determinism
 * (cuBLAS workspace, hash seed, thread counts, visible devices, TF32 and deterministic-ops switches) are marked
 * in the note. A fact recorded on one side only is kept apart as an expected difference.
 */
final class EnvironmentDiffer {
    static final Set<String> DETERMINISM_VARIABLES = Set.of("CUBLAS_WORKSPACE_CONFIG", "PYTHONHASHSEED",
            "CUDA_VISIBLE_DEVICES", "NVIDIA_TF32_OVERRIDE", "TF_DETERMINISTIC_OPS", "TF_CUDNN_DETERMINISTIC",
            "CUDA_LAUNCH_BLOCKING", "TF_ENABLE_ONEDNN_OPTS", "TORCH_DETERMINISTIC", "CUDNN_DETERMINISTIC");
    static final Set<String> THREAD_VARIABLES = Set.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "NUMEXPR_NUM_THREADS", "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS");

    FacetDiff compare(Map<String, String> a, Map<String, String> b) {
        Map<String, String[]> pairs = new TreeMap<>();
        a.forEach((k, v) -> pairs.computeIfAbsent(k, x -> new String[2])[0] = v);
        b.forEach((k, v) -> pairs.computeIfAbsent(k, x -> new String[2])[1] = v);
        List<Difference> differences = new ArrayList<>();
        List<Difference> expected = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<String, String[]> e : pairs.entrySet()) {
            String va = e.getValue()[0];
            String vb = e.getValue()[1];
            if (Objects.equals(va, vb)) {
                equal++;
            } else if (va == null || vb == null) {
                expected.add(new Difference(e.getKey(), va, vb, va == null ? Change.ADDED : Change.REMOVED,
                        "recorded for " + (va == null ? "B" : "A") + " only"));
            } else {
                differences.add(new Difference(e.getKey(), va, vb, Change.CHANGED, note(e.getKey())));
            }
        }
        return new FacetDiff(Facet.ENVIRONMENT, differences, expected, equal);
    }

    static String note(String key) {
        String variable = key.startsWith(EnvironmentKeys.ENV_PREFIX) ? key.substring(EnvironmentKeys.ENV_PREFIX.length()) : null;
        if (variable != null && DETERMINISM_VARIABLES.contains(variable)) {
            return "determinism";
        }
        if (variable != null && THREAD_VARIABLES.contains(variable) || key.equals(EnvironmentKeys.CPU_COUNT)) {
            return "threads";
        }
        return EnvironmentKeys.isHardware(key) ? "hardware" : "";
    }
}
