package org.reprodiff.ingest.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprodiff.model.ParamValue;

/** value_json classification and parameter typing, one value each; expected values from the JSON grammar and Python. */
class WandbValuesTest {
    private final WandbValues values = new WandbValues();

    private WandbValues.Kind classify(String text) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return values.classify(b, 2, b.length - 4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.5|0.5", "-0.25|-0.25", "1.7420296758744507e+09|1742029675.8744507", "1e-05|0.00001", "64|64",
            "-7|-7", " 3 |3", "123456789012345678901|123456789012345678901", "1E2|100"})
    void parsesJsonNumbers(String text, String expected) {
        assertEquals(WandbValues.Kind.NUMBER, classify(text));
        assertEquals(Double.parseDouble(expected), values.number());
    }

    @Test
    void parsesTheNonFiniteTokens() {
        assertEquals(WandbValues.Kind.NUMBER, classify("NaN"));
        assertEquals(Double.NaN, values.number());
        assertEquals(WandbValues.Kind.NUMBER, classify("Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, values.number());
        assertEquals(WandbValues.Kind.NUMBER, classify("-Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, values.number());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"5\"", "true", "null", "[1, 2]", "01", "1.", ".5", "1e", "-", "nan", "inf",
            "0x10", "1_000"})
    void leavesEverythingElseOut(String text) {
        assertEquals(WandbValues.Kind.OTHER, classify(text));
    }

    @Test
    void seesObjects() {
        assertEquals(WandbValues.Kind.OBJECT, classify("{\"_type\": \"image-file\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.0E-5|1e-05", "1.0E-4|0.0001", "1.0E16|1e+16", "1.23456789E8|123456789.0",
            "2.5|2.5", "3.0E-4|0.0003", "-1.5E-7|-1.5e-07", "1.0E22|1e+22", "9.999999999999998E15|9999999999999998.0"})
    void writesYamlFloatsAsPythonWould(double value, String python) {
        assertEquals(python, org.reprodiff.model.PythonFloatFormat.repr(value));
    }

    @Test
    void keepsTheLogsStringWhereYaml11ReadsABoolean() {
        Map<String, ParamValue> log = Map.of("mode", ParamValue.string("on"), "amp", ParamValue.string("maybe"));
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("mode", Boolean.TRUE);
        yaml.put("amp", Boolean.FALSE);
        Map<String, ParamValue> merged = WandbParams.merge(log, yaml);
        assertEquals("on", merged.get("mode").raw());
        assertEquals(ParamValue.Type.BOOL, merged.get("amp").type(), "a real difference: config.yaml wins");
    }

    @Test
    void aYamlKeyReplacesTheLogsWholeSubtree() {
        Map<String, ParamValue> log = new LinkedHashMap<>();
        log.put("_wandb", ParamValue.string("{}"));
        log.put("opt.lr", ParamValue.number(0.1, "0.1"));
        log.put("opt.old", ParamValue.number(1, "1"));
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("_wandb", Map.of("cli_version", "0.19.8"));
        yaml.put("opt", Map.of("lr", 0.1));
        Map<String, ParamValue> merged = WandbParams.merge(log, yaml);
        assertEquals(List.of("_wandb.cli_version", "opt.lr"), merged.keySet().stream().sorted().toList());
        assertEquals("0.1", merged.get("opt.lr").raw());
    }
}
