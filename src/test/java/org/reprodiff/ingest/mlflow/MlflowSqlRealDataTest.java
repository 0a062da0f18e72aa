package org.reprodiff.ingest.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.SeedRecord;
import org.reprodiff.testing.RealData;

/**
 * The SQL-store importer over real MLflow 2.13 databases (realdata/mlflow_db, MANIFEST.md), read in place. Facts
 * were checked with the sqlite3 shell: one run in week-02/backend.db, none in the root mlflow.db.
 */
class MlflowSqlRealDataTest {
    private static final String PROJECT = "1412010__nda-mlops-zoomcamp-2024";

    private final MlflowSqlImporter importer = new MlflowSqlImporter();

    @Test
    void readsTheOneRunOfTheCourseDatabaseWithoutWritingAnything() throws Exception {
        Path root = RealData.require("mlflow_db");
        Map<String, String> before = MlflowSqlImporterTest.listing(root);
        Path backend = root.resolve(PROJECT).resolve("week-02").resolve("backend.db");
        Path empty = root.resolve(PROJECT).resolve("mlflow.db");

        assertTrue(importer.canRead(backend));
        ImportResult result = importer.read(backend, (d, t, w) -> { });
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.runs().size());
        Run run = result.runs().get(0);
        assertEquals("d5c99529b7214afb82191601d37db10d", run.nativeId());
        assertEquals("learned-cat-699", run.name());
        assertEquals("my-experiment-1", run.experiment());
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals("NDA", run.user());
        assertEquals(ParamValue.Type.NUMBER, run.param("C").value().type());
        assertEquals(0.1, run.param("C").value().number());
        assertTrue(run.seeds().contains(new SeedRecord("random_state", "42", "param")), run.seeds().toString());
        MetricSeries accuracy = run.metric("accuracy");
        assertEquals(1, accuracy.size());
        assertEquals(0.96, accuracy.last());
        assertEquals(1717845597400L, accuracy.wallTimes()[0]);

        assertTrue(importer.canRead(empty));
        ImportResult none = importer.read(empty, (d, t, w) -> { });
        assertEquals(List.of(), none.runs());
        assertEquals(List.of(), none.problems());

        assertEquals(before, MlflowSqlImporterTest.listing(root));
    }
}
