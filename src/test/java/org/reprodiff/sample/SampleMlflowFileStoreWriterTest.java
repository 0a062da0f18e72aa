package org.reprodiff.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected texts written by hand from FORMATS.md 1.1 and PyYAML's rules. */
class SampleMlflowFileStoreWriterTest {

    @Test
    void writesExperimentMetaWithSortedKeysAndQuotedNumericId() {
        String yaml = MlflowFileStoreWriter.experimentMetaYaml(new MlflowFileStoreWriter.Experiment(
                "0", "Default", "file:///home/demo/mlruns/0", 1700000000000L, 1700000000001L));
        assertEquals("""
                artifact_location: file:///home/demo/mlruns/0
                creation_time: 1700000000000
                experiment_id: '0'
                last_update_time: 1700000000001
                lifecycle_stage: active
                name: Default
                """, yaml);
    }

    @Test
    void writesMetricLinesWithPythonFloats() {
        byte[] lines = MlflowFileStoreWriter.metricLines(new MlflowFileStoreWriter.Metric("loss",
                new long[] {10, 11, 12, 13}, new double[] {0.5, 1e-05, Double.NaN, Double.NEGATIVE_INFINITY},
                new long[] {0, 1, 2, 3}));
        assertEquals("10 0.5 0\n11 1e-05 1\n12 nan 2\n13 -inf 3\n", new String(lines, StandardCharsets.US_ASCII));
    }

    @Test
    void quotesScalarsThatPyYamlWouldReadAsAnotherType() {
        assertEquals("''", PyYamlScalar.of("", 0));
        assertEquals("'0.001'", PyYamlScalar.of("0.001", 0));
        assertEquals("'42'", PyYamlScalar.of("42", 0));
        assertEquals("'True'", PyYamlScalar.of("True", 0));
        assertEquals("'null'", PyYamlScalar.of("null", 0));
        assertEquals("'2023-12-04 09:42:37.896401'", PyYamlScalar.of("2023-12-04 09:42:37.896401", 0));
        assertEquals("'a: b'", PyYamlScalar.of("a: b", 0));
        assertEquals("'- x'", PyYamlScalar.of("- x", 0));
        assertEquals("'''it''s'", PyYamlScalar.of("'it's", 0));
        assertEquals("it's", PyYamlScalar.of("it's", 0));
        assertEquals("3.10.12", PyYamlScalar.of("3.10.12", 0));
        assertEquals("1e5", PyYamlScalar.of("1e5", 0));
        assertEquals("-r requirements.txt", PyYamlScalar.of("-r requirements.txt", 0));
        assertEquals("file:///x/y", PyYamlScalar.of("file:///x/y", 0));
        assertEquals("lr-0.001", PyYamlScalar.of("lr-0.001", 0));
        assertThrows(IllegalArgumentException.class, () -> PyYamlScalar.of("two\nlines", 0));
    }

    @Test
    void escapesJsonLikePythonWithEnsureAscii() {
        assertEquals("\"a\\\"b\\\\c\\u00e9\\n\"", MlflowFileStoreWriter.json("a\"b\\c\u00e9\n"));
    }
}
