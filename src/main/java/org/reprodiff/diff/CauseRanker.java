package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.reprodiff.model.EnvironmentKeys;

/**
 * Ranks input differences by how likely they are to change results. The weight table:
 * <pre>
 *   100  code: commit, uncommitted patch, dirty flag, program, arguments, source digests (remote/branch 95)
 *    90  data: dataset references and digests
 *    80  parameters
 *    70  seeds
 *    60  frameworks and the GPU stack: framework packages (torch, tensorflow, jax, numpy…), framework versions,
 *        CUDA, cuDNN, driver, GPU model and count
 *    50  Python version
 *    40  other packages
 *    30  determinism variables and flags (CUBLAS_WORKSPACE_CONFIG, PYTHONHASHSEED, CUDA_VISIBLE_DEVICES, TF32,
 *        parameters such as cudnn.benchmark or deterministic)
 *    20  thread counts (OMP_NUM_THREADS, MKL_NUM_THREADS, CPU count, num_workers parameters)
 *    10  host, OS, CPU model, memory, other environment facts
 * </pre>
 * Equal weights keep facet order, then key order.
 */
final class CauseRanker {

    List<Cause> rank(FacetDiff code, FacetDiff data, FacetDiff params, FacetDiff seeds, FacetDiff environment, FacetDiff packages) {
        List<Cause> causes = new ArrayList<>();
        for (Difference d : code.differences()) {
            int w = d.key().equals("remote") || d.key().equals("branch") ? 95 : 100;
            causes.add(cause("code", d, w, "code " + d.key() + " " + describe(d)));
        }
        data.differences().forEach(d -> causes.add(cause("data", d, 90, "dataset " + d.key() + " " + describe(d))));
        for (Difference d : params.differences()) {
            int w = switch (d.note()) {
                case "determinism" -> 30;
                case "threads" -> 20;
                default -> 80;
            };
            causes.add(cause("params", d, w, "parameter " + d.key() + " " + describe(d) + (d.note().isEmpty() ? "" : " (" + d.note() + ")")));
        }
        seeds.differences().forEach(d -> causes.add(cause("seeds", d, 70,
                (d.key().equals("seed") ? "seed " : "seed " + d.key() + " ") + describe(d))));
        for (Difference d : packages.differences()) {
            boolean framework = PackageDiffer.isFramework(d.key());
            String what = "package " + d.key() + " " + describe(d) + " (" + d.change().id() + (d.note().isEmpty() ? "" : "; " + d.note()) + ")";
            causes.add(cause("packages", d, framework ? 60 : 40, what));
        }
        for (Difference d : environment.differences()) {
            int w = environmentWeight(d);
            String facet = EnvironmentKeys.isHardware(d.key()) ? "hardware" : "environment";
            causes.add(cause(facet, d, w, d.key() + " " + describe(d) + (d.note().isEmpty() ? "" : " (" + d.note() + ")")));
        }
        causes.sort(Comparator.comparingInt(Cause::weight).reversed());
        return causes;
    }

    private static int environmentWeight(Difference d) {
        String key = d.key().toLowerCase(Locale.ROOT);
        if (key.startsWith(EnvironmentKeys.FRAMEWORK_PREFIX) || key.equals(EnvironmentKeys.CUDA)
                || key.equals(EnvironmentKeys.CUDNN) || key.equals(EnvironmentKeys.DRIVER)
                || key.equals(EnvironmentKeys.GPU.toLowerCase()) || key.equals(EnvironmentKeys.GPU_COUNT.toLowerCase())) {
            return 60;
        }
        if (key.equals(EnvironmentKeys.PYTHON)) {
            return 50;
        }
        return switch (d.note()) {
            case "determinism" -> 30;
            case "threads" -> 20;
            default -> 10;
        };
    }

    private static Cause cause(String facet, Difference d, int weight, String summary) {
        return new Cause(facet, d.key(), d.a(), d.b(), summary, weight);
    }

    private static String describe(Difference d) {
        return switch (d.change()) {
            case ADDED -> "only in B (" + d.b() + ")";
            case REMOVED -> "only in A (" + d.a() + ")";
            default -> d.a() + " → " + d.b();
        };
    }
}
