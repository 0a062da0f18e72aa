package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.cli.CliContext;
import org.reprodiff.cli.ReprodiffCommand;
import org.reprodiff.testing.RealData;

/** {@code reprodiff diff} end to end: the sample project's four situations and two real MLflow pairs. */
class DiffScenariosTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CliContext context = new CliContext(Composition::services, (db, folder) -> 0, new PrintWriter(out), new PrintWriter(err));
        return ReprodiffCommand.commandLine(context).execute(args);
    }

    private JsonNode diff(String db, String a, String b, int expectedExit) throws Exception {
        assertEquals(expectedExit, run("diff", "--db", db, a, b, "--format", "json"), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private static List<String> notCaptured(JsonNode diff) {
        List<String> out = new ArrayList<>();
        diff.path("notCaptured").forEach(n -> out.add(n.path("facet").asText() + ":" + n.path("side").asText()));
        return out;
    }

    @Test
    void theSampleProjectsFourSituationsGetTheirVerdictsAndTopCauses() throws Exception {
        String db = dir.resolve("runs.db").toString();
        assertEquals(0, run("import", "--db", db, Composition.SAMPLE_RUNS.toString()));

        JsonNode reruns = diff(db, "baseline-a", "baseline-b-rerun", 0);
        assertEquals("REPRODUCED", reruns.path("verdict").asText());
        assertEquals(0, reruns.path("causes").size());
        reruns.path("metrics").forEach(m -> assertTrue(m.path("identical").asBoolean(), m.toString()));

        JsonNode seeds = diff(db, "seed-sweep-s1", "seed-sweep-s2", 1);
        assertEquals("EXPLAINED", seeds.path("verdict").asText());
        assertEquals("seeds", seeds.path("causes").get(0).path("facet").asText());
        assertEquals(0, seeds.path("params").size(), "the seed is not a parameter difference");

        JsonNode cuda = diff(db, "torch-2.1.0-cu118", "torch-2.1.2-cu121", 1);
        assertEquals("EXPLAINED", cuda.path("verdict").asText());
        JsonNode top = cuda.path("causes").get(0);
        assertEquals("packages", top.path("facet").asText());
        assertEquals("torch", top.path("key").asText());
        assertEquals("2.1.0+cu118", top.path("a").asText());
        assertEquals("2.1.2+cu121", top.path("b").asText());
        assertTrue(top.path("summary").asText().contains("cu118 → cu121"), top.toString());
        cuda.path("metrics").forEach(m -> assertEquals(420, m.path("firstDivergenceStep").asLong(), m.toString()));
        assertTrue(notCaptured(cuda).contains("hardware:both"));

        JsonNode lr = diff(db, "lr-0.001", "lr-0.003", 1);
        assertEquals("EXPLAINED", lr.path("verdict").asText());
        assertEquals("params", lr.path("causes").get(0).path("facet").asText());
        assertEquals("lr", lr.path("causes").get(0).path("key").asText());
        assertEquals(1, lr.path("causes").size());
    }

    @Test
    void realMlflowRerunsAreReproducedOrNondeterministic() throws Exception {
        Path store = RealData.require("mlflow_mlruns/11sleahy__MLFlow_Framework/mlruns/0");
        String db = dir.resolve("runs.db").toString();
        assertEquals(0, run("import", "--db", db, store.toString()));

        JsonNode same = diff(db, "03a1d0e5", "d85678f9", 0);
        assertEquals("REPRODUCED", same.path("verdict").asText());

        JsonNode noisy = diff(db, "cdf585c3", "ea1c8d8b", 1);
        assertEquals("NONDETERMINISTIC", noisy.path("verdict").asText());
        assertEquals(0, noisy.path("causes").size());
        List<String> gaps = notCaptured(noisy);
        assertTrue(gaps.containsAll(List.of("seeds:both", "codeState:both", "hardware:both")), gaps.toString());
        assertTrue(noisy.path("suspects").get(0).asText().contains("no seed"), noisy.path("suspects").toString());
        JsonNode rmse = null;
        for (JsonNode m : noisy.path("metrics")) {
            if (m.path("key").asText().equals("rmse")) {
                rmse = m;
            }
        }
        assertEquals(0.7931640229276851, rmse.path("finalA").asDouble());
        assertEquals(0.7128829045893679, rmse.path("finalB").asDouble());
        assertEquals(0, rmse.path("firstDivergenceStep").asLong());

        assertEquals(1, run("diff", "--db", db, "cdf585c3", "ea1c8d8b"));
        assertTrue(out.toString().contains("Verdict: NONDETERMINISTIC"), out.toString());
        assertEquals(1, run("diff", "--db", db, "cdf585c3", "ea1c8d8b", "--format", "markdown"));
        assertTrue(out.toString().contains("**Verdict: NONDETERMINISTIC**"), out.toString());
    }

    @Test
    void badDiffArgumentsExitWithTwo() throws Exception {
        String db = dir.resolve("runs.db").toString();
        run("import", "--db", db, Composition.SAMPLE_RUNS.toString());
        assertEquals(2, run("diff", "--db", db, "baseline-a", "no-such-run"));
        assertEquals(2, run("diff", "--db", db, "baseline-a", "baseline-b-rerun", "--format", "pdf"));
        assertEquals(2, run("diff", "--db", db, "baseline-a", "baseline-b-rerun", "--align", "sideways"));
    }

    @Test
    void sacredMlPwsRunsOneAndTwoRankTheCodeChangeFirst() throws Exception {
        Path runs = RealData.require("sacred/manuel-rhdt__ml-pws/runs");
        String db = dir.resolve("runs.db").toString();
        assertEquals(0, run("import", "--db", db, runs.toString()));
        JsonNode d = diff(db, "model-size-sweep/1", "model-size-sweep/2", 1);
        assertEquals("EXPLAINED", d.path("verdict").asText());
        assertEquals(3, d.path("causes").size(), d.path("causes").toString());
        assertEquals("code", d.path("causes").get(0).path("facet").asText());
        assertEquals("source:01-model-size.py", d.path("causes").get(0).path("key").asText());
        assertEquals("data", d.path("causes").get(1).path("facet").asText());
        assertEquals("seeds", d.path("causes").get(2).path("facet").asText());
    }
}
