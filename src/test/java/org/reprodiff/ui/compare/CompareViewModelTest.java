package org.reprodiff.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.app.Composition;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Progress;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.SameThreadRunner;

/** The compare view model on the same-thread runner: loads a comparison and exports its report. */
class CompareViewModelTest {
    @TempDir
    Path dir;

    @Test
    void comparesTwoStoredRunsAndExportsThePdf() throws Exception {
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            services.imports().importPaths(List.of(Composition.SAMPLE_RUNS), Progress.NONE);
            long a = services.runs().resolve("baseline-a").id();
            long b = services.runs().resolve("baseline-b-rerun").id();
            CompareViewModel model = new CompareViewModel(services.runs(), services.compare(), services.reports(), new SameThreadRunner());
            model.load(a, b);
            assertEquals(Verdict.REPRODUCED, model.resultProperty().get().comparison().verdict());
            model.showMetric(model.resultProperty().get().comparison().metrics().get(0));
            assertEquals("train/loss", model.chartProperty().get().title().split(":")[0]);

            Path pdf = dir.resolve("report.pdf");
            model.export(pdf);
            assertEquals(pdf, model.exportedProperty().get());
            assertTrue(Files.size(pdf) > 1000);
            assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

            model.export(dir.resolve("report.xyz"));
            assertTrue(model.exportStatusProperty().get().contains("report.xyz"), model.exportStatusProperty().get());
        }
    }

    @Test
    void aRunThatVanishedIsAnErrorNotACrash() throws Exception {
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            CompareViewModel model = new CompareViewModel(services.runs(), services.compare(), services.reports(), new SameThreadRunner());
            model.load(41, 42);
            assertNull(model.resultProperty().get());
            assertTrue(model.errorProperty().get().contains("41"), model.errorProperty().get());
        }
    }
}
