package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprodiff.ingest.SafeYaml;

/** The fast path for MLflow's flat meta.yaml: the values MLflow writes, and everything it must leave to SafeYaml. */
class MlflowFlatYamlTest {
    private static final String RUN_META = String.join("\n",
            "artifact_uri: file:///home/demo/mlruns/1/0a1b2c/artifacts",
            "end_time: 1705018408464",
            "entry_point_name: ''",
            "experiment_id: '639728766377637706'",
            "lifecycle_stage: active",
            "run_id: 000360ac40fc4d359ef9b135eae39577",
            "run_name: bench-1585",
            "source_name: 'it''s'",
            "source_type: 4",
            "start_time:",
            "status: 3",
            "tags: []",
            "user_id: Maelaf ES",
            "source_version: 0b2984c385564e6c8b5703c4f6583e82",
            "entry: file:///C:/Users/Maelaf%20ES/notebooks", "");

    @Test
    void readsTheShapesMlflowWrites() {
        Map<String, Object> map = MlflowFlatYaml.parse(RUN_META);
        assertNotNull(map);
        assertEquals(List.of("artifact_uri", "end_time", "entry_point_name", "experiment_id", "lifecycle_stage", "run_id",
                "run_name", "source_name", "source_type", "start_time", "status", "tags", "user_id", "source_version", "entry"),
                new ArrayList<>(map.keySet()));
        assertEquals("file:///home/demo/mlruns/1/0a1b2c/artifacts", map.get("artifact_uri"));
        assertEquals(1705018408464L, map.get("end_time"));
        assertEquals("", map.get("entry_point_name"));
        assertEquals("639728766377637706", map.get("experiment_id"));
        assertEquals("000360ac40fc4d359ef9b135eae39577", map.get("run_id"));
        assertEquals("it's", map.get("source_name"));
        assertEquals(4, map.get("source_type"));
        assertNull(map.get("start_time"));
        assertEquals(List.of(), map.get("tags"));
        assertEquals("Maelaf ES", map.get("user_id"));
        assertEquals("0b2984c385564e6c8b5703c4f6583e82", map.get("source_version"));
        assertEquals("file:///C:/Users/Maelaf%20ES/notebooks", map.get("entry"));
    }

    @Test
    void givesWhatSafeYamlGives() {
        assertEquals(SafeYaml.parse(RUN_META), MlflowFlatYaml.parse(RUN_META));
        String experiment = "artifact_location: file:///tmp/mlruns/0\nexperiment_id: '0'\nlifecycle_stage: deleted\n"
                + "name: Default\ntags: {}\ncreation_time: 2147483648\n";
        Map<String, Object> flat = MlflowFlatYaml.parse(experiment);
        assertEquals(SafeYaml.parse(experiment), flat);
        assertEquals(new LinkedHashMap<>(), flat.get("tags"));
        assertEquals(2147483648L, flat.get("creation_time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "\n", "a: 1\n\nb: 2\n", "a: 1\r\n", "  a: 1\n", "a:\n  b: 1\n", "- a\n", "---\na: 1\n", "# note\na: 1\n",
        "a: 1 # note\n", "a: two  spaces\n", "a: b #c\n", "a: b: c\n", "a: b \n", "a: 0x1F\n", "a: 0b101\n",
        "a: \"quoted\"\n", "a: 'open\n", "a: 'x' y\n", "a: yes\n", "a: Off\n",
        "a: NULL\n", "a: ~\n", "a: 1.5\n", "a: 123e4567\n", "a: 0x1f\n", "a: 017\n", "a: 1_000\n", "a: 2024-01-01\n",
        "a: -3\n", "a: .inf\n", "a: b:\n", "a: 1234567890123456789012\n", "true: 1\n", "1: a\n", "a:b\n", "a: \n",
        "a: 'caf\u00e9'\n", "a: caf\u00e9\n", "a: [1]\n"})
    void leavesEverythingElseToSafeYaml(String text) {
        assertNull(MlflowFlatYaml.parse(text), text);
    }
}
