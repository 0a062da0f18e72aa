package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.cli.CliContext;
import org.reprodiff.cli.ReprodiffCommand;

/** The CLI contracts of PRODUCT.md: output, JSON fields and exit codes. */
class CommandLineTest {
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

    private Path project() throws Exception {
        Path exp = Files.createDirectories(dir.resolve("project/mlruns/0"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///x/mlruns/0\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        writeRun(exp, "aaaa1111aaaa1111aaaa1111aaaa1111", "first", "0.1", "1700000000000 0.5 0\n1700000001000 nan 1\n");
        writeRun(exp, "bbbb2222bbbb2222bbbb2222bbbb2222", "second", "1e-3", "1700000000000 0.25 0\nnot a metric line\n");
        return dir.resolve("project");
    }

    private static void writeRun(Path exp, String id, String name, String lr, String loss) throws Exception {
        Path run = Files.createDirectories(exp.resolve(id));
        Files.writeString(run.resolve("meta.yaml"), "artifact_uri: file:///x/mlruns/0/" + id + "/artifacts\nend_time: 1700000002000\n"
                + "experiment_id: '0'\nlifecycle_stage: active\nrun_id: " + id + "\nrun_name: " + name + "\nrun_uuid: " + id
                + "\nstart_time: 1700000000000\nstatus: 3\nuser_id: alice\n");
        Files.createDirectories(run.resolve("params"));
        Files.writeString(run.resolve("params/lr"), lr);
        Files.writeString(run.resolve("params/seed"), "7");
        Files.createDirectories(run.resolve("metrics"));
        Files.writeString(run.resolve("metrics/loss"), loss);
    }

    @Test
    void importPrintsProblemsAndASummaryPerFormat() throws Exception {
        Path project = project();
        String db = dir.resolve("runs.db").toString();
        assertEquals(0, run("import", "--db", db, project.toString()));
        String text = out.toString();
        assertTrue(text.contains(project.resolve("mlruns/0/bbbb2222bbbb2222bbbb2222bbbb2222/metrics/loss") + ":line 2: "), text);
        assertTrue(text.contains("mlflow: 2 new, 0 updated, 0 unchanged, 0 failed"), text);
        assertTrue(text.contains("total: 2 new, 0 updated, 0 unchanged, 0 failed"), text);

        assertEquals(0, run("import", "--db", db, "--json", project.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(2, json.path("formats").path("mlflow").path("unchanged").asInt());
        assertEquals(0, json.path("total").path("new").asInt());
    }

    @Test
    void runsAndShowFollowTheJsonContract() throws Exception {
        String db = dir.resolve("runs.db").toString();
        run("import", "--db", db, project().toString());
        assertEquals(0, run("runs", "--db", db, "--json"));
        JsonNode runs = new ObjectMapper().readTree(out.toString());
        assertEquals(2, runs.size());
        JsonNode first = runs.get(0);
        for (String field : new String[] {"id", "format", "nativeId", "name", "experiment", "status", "source", "params", "metrics", "twinGroup"}) {
            assertTrue(first.has(field), field);
        }
        assertEquals(2, first.path("params").asInt());
        assertEquals("loss", first.path("metrics").get(0).asText());
        assertTrue(first.path("twinGroup").isNull());

        assertEquals(0, run("show", "--db", db, "first", "--json"));
        JsonNode show = new ObjectMapper().readTree(out.toString());
        assertEquals("aaaa1111aaaa1111aaaa1111aaaa1111", show.path("nativeId").asText());
        assertEquals("FINISHED", show.path("status").asText());
        assertEquals("2023-11-14T22:13:20Z", show.path("startTime").asText());
        assertEquals(0.1, show.path("params").path("lr").asDouble());
        assertTrue(show.path("params").path("lr").isNumber());
        assertEquals("seed", show.path("seeds").get(0).path("key").asText());
        assertEquals("7", show.path("seeds").get(0).path("value").asText());
        assertEquals("NaN", show.path("metrics").path("loss").path("last").asText());
        assertEquals(0.5, show.path("metrics").path("loss").path("max").asDouble());
        assertEquals(2, show.path("metrics").path("loss").path("count").asInt());
        assertTrue(show.path("notCaptured").toString().contains("hardware"));
        for (String field : new String[] {"code", "data", "environment", "packages", "tags", "artifactUri", "deleted", "truncated", "problems", "endTime", "source"}) {
            assertTrue(show.has(field), field);
        }
        assertEquals(0, run("show", "--db", db, "bbbb"));
        assertTrue(out.toString().contains("second"));
        assertEquals(1, new ObjectMapper().readTree(run("show", "--db", db, "second", "--json") == 0 ? out.toString() : "{}").path("problems").size());
    }

    @Test
    void anAmbiguousOrUnknownRunIsAnErrorThatListsTheCandidates() throws Exception {
        String db = dir.resolve("runs.db").toString();
        Path project = project();
        run("import", "--db", db, project.toString());
        Path third = project.resolve("mlruns/0/abcd0000abcd0000abcd0000abcd0000");
        writeRun(project.resolve("mlruns/0"), third.getFileName().toString(), "third", "0.2", "1 1 1\n");
        run("import", "--db", db, project.toString());
        assertEquals(2, run("show", "--db", db, "a"));
        assertTrue(err.toString().contains("matches 2 runs"), err.toString());
        assertTrue(err.toString().contains("aaaa1111aaaa1111aaaa1111aaaa1111"), err.toString());
        assertEquals(2, run("show", "--db", db, "zzz"));
        assertTrue(err.toString().contains("no run matches 'zzz'"));
    }

    @Test
    void badArgumentsAndAnUnusableDatabaseExitWithTwo() throws Exception {
        assertEquals(2, run("runs", "--no-such-option"));
        Path notADatabase = Files.writeString(dir.resolve("garbage.db"), "this is not sqlite at all, just text that is long enough");
        assertEquals(2, run("runs", "--db", notADatabase.toString()));
        assertTrue(err.toString().contains("garbage.db"), err.toString());
    }
}
