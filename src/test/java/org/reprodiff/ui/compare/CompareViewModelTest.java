package org.reprodiff.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.app.Composition;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.SampleProjectGenerator;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.SameThreadRunner;
import org.reprodiff.ui.curves.CurvePair;

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
            MetricDiff loss = model.resultProperty().get().comparison().metrics().get(0);
            model.curves().show(CurvePair.of(model.resultProperty().get(), loss));
            assertEquals("train/loss", model.curves().pairProperty().get().diff().key());
            assertEquals(SampleProjectGenerator.STEPS, model.curves().overlayProperty().get().a().size(),
                    "the overlay is built from every step of A's curve");

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
    void bitIdenticalRerunsSayTheirThirteenParametersAreTheSame() throws Exception {
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            services.imports().importPaths(List.of(Composition.SAMPLE_RUNS), Progress.NONE);
            CompareViewModel model = new CompareViewModel(services.runs(), services.compare(), services.reports(), new SameThreadRunner());
            model.load(services.runs().resolve("baseline-a").id(), services.runs().resolve("baseline-b-rerun").id());
            FacetSection params = model.sections().get(0);
            assertEquals("Parameters (0)", params.tabTitle());
            assertEquals(0, params.rows().size());
            assertEquals("Both runs recorded the same 13 parameters.", params.placeholderProperty().get());
            model.onlyDifferencesProperty().set(false);
            assertEquals(13, params.rows().size());
            assertEquals(List.of("amp", "False", "False"), List.of(params.rows().get(0).key(), params.rows().get(0).a(), params.rows().get(0).b()));
            assertEquals(Optional.empty(), model.nextDifference(new DifferenceNavigator.Location(0, -1)));
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
