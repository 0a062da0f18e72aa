package org.reprodiff.ingest.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Param;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Committed event files in {@code src/test/resources/fixtures/tensorboard/<case>/} against the {@code expected.json}
 * written by hand beside them (see the README there): pins the on-disk format, independently of the writer.
 */
class TensorboardFixtureTest {
    private final TensorboardImporter importer = new TensorboardImporter();

    @Test
    void addScalarsAndHparamsCaseMatchesItsExpectedJson() throws IOException, URISyntaxException {
        Path caseDir = Path.of(getClass().getResource("/fixtures/tensorboard/add-scalars-hparams").toURI());
        JsonNode expected = new ObjectMapper().readTree(caseDir.resolve("expected.json").toFile());
        Map<String, String> before = TreeSnapshot.of(caseDir);
        Path run = caseDir.resolve(expected.get("nativeId").asText());

        ImportResult result = importer.read(run, Progress.NONE);

        assertEquals(expected.get("runs").asInt(), result.runs().size());
        Run r = result.runs().get(0);
        assertEquals(expected.get("name").asText(), r.name());
        assertEquals(expected.get("experiment").asText(), r.experiment());
        assertEquals(expected.get("status").asText(), r.status().name());
        assertEquals(expected.get("truncated").asBoolean(), r.truncated());
        assertEquals(Instant.parse(expected.get("startTime").asText()), r.startTime());
        assertEquals(Instant.parse(expected.get("endTime").asText()), r.endTime());
        Map<String, String> params = new TreeMap<>();
        for (Param p : r.params()) {
            params.put(p.key(), p.value().raw());
        }
        Map<String, String> expectedParams = new TreeMap<>();
        expected.get("params").fields().forEachRemaining(e -> expectedParams.put(e.getKey(), e.getValue().asText()));
        assertEquals(expectedParams, params);
        assertEquals(texts(expected.get("seeds")), r.seeds().stream().map(SeedRecord::key).toList());
        List<String> keys = new ArrayList<>();
        expected.get("metrics").fieldNames().forEachRemaining(keys::add);
        assertEquals(keys, r.metrics().stream().map(MetricSeries::key).toList());
        for (String key : keys) {
            JsonNode m = expected.get("metrics").get(key);
            MetricSeries s = r.metric(key);
            assertArrayEquals(longs(m.get("steps")), s.steps(), key);
            assertArrayEquals(doubles(m.get("values")), s.values(), key);
            assertArrayEquals(longs(m.get("wallTimes")), s.wallTimes(), key);
        }
        assertEquals(expected.get("problems").size(), r.problems().size());
        assertEquals(before, TreeSnapshot.of(caseDir), "the fixture was only read");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
