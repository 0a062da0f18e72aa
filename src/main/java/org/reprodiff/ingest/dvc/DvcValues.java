package org.reprodiff.ingest.dvc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprodiff.ingest.YamlConfig;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.ParamValue;

/**
 * Turns the plain data of DVC's files (params files, metrics files, {@code dvc.lock} params, the {@code params}
 * and {@code metrics} of an {@code exp show} export; parsed by the safe YAML or lenient JSON reader) into
 * parameters and final values.
 *
 * <p>Invariants: parameters are flattened with {@code .} as DVC shows them ({@code train.lr}), each leaf typed with
 * the text Python prints for it (the files are Python's: {@code 1e-05}, {@code 64}); a key of any file other than
 * the default {@code params.yaml} is written {@code <file>:<key>}, DVC's own notation ({@code dvc exp show --csv},
 * {@code --set-param}), so keys stay stable whatever other files a project adds. Metrics are flattened with
 * {@code /}, the separator DVCLive splits names on, so a summary value and the series of the same metric share a
 * key ({@code eval/acc}); a leaf counts when it is a number or a string that reads as one ({@code nan},
 * {@code inf}: DVCLive logs non-finite values as strings); booleans, lists and other text are no metric.
 */
final class DvcValues {
    /** DVC's default params file, whose keys are written bare. */
    static final String DEFAULT_PARAMS = "params.yaml";

    private DvcValues() {
    }

    /** The key under which a parameter of {@code file} (a path relative to the project) is kept. */
    static String paramKey(String file, String key) {
        return file.equals(DEFAULT_PARAMS) ? key : file + ":" + key;
    }

    /** The leaves of a params document, dotted keys in file order, each under {@link #paramKey}. */
    static Map<String, ParamValue> params(String file, Map<?, ?> document) {
        Map<String, ParamValue> out = new LinkedHashMap<>();
        document.forEach((k, v) -> walkParams(String.valueOf(k), v, file, out));
        return out;
    }

    private static void walkParams(String key, Object v, String file, Map<String, ParamValue> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, child) -> walkParams(key + "." + k, child, file, out));
        } else {
            out.put(paramKey(file, key), YamlConfig.value(v));
        }
    }

    /**
     * The numeric leaves of a metrics document, keys joined with {@code /}; {@code skipStep} drops a top-level
     * {@code step}, DVCLive's bookkeeping in its {@code metrics.json}.
     */
    static Map<String, Double> metrics(Map<?, ?> document, boolean skipStep) {
        Map<String, Double> out = new LinkedHashMap<>();
        document.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!(skipStep && key.equals("step"))) {
                walkMetrics(key, v, out);
            }
        });
        return out;
    }

    private static void walkMetrics(String key, Object v, Map<String, Double> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, child) -> walkMetrics(key + "/" + k, child, out));
        } else if (v instanceof Number n) {
            out.put(key, n.doubleValue());
        } else if (v instanceof String s) {
            Double d = Numbers.parseStrict(s);
            if (d != null) {
                out.put(key, d);
            }
        }
    }
}
