package org.reprodiff.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.reprodiff.cli.archviolation.CliReadsStoreDirectly;
import org.reprodiff.diff.archviolation.DiffReadsYaml;
import org.reprodiff.ingest.archviolation.ImporterUsesJavaFx;
import org.reprodiff.model.archviolation.ModelUsesJdbcAndJackson;
import org.reprodiff.service.archviolation.ServiceCallsCli;
import org.reprodiff.store.archviolation.StoreCallsService;

/**
 * Each layering rule fails on a test class written to break it, so a rule that silently matches nothing
 * cannot pass unnoticed.
 */
class ArchitectureRulesBiteTest {

    private static void assertBites(ArchRule rule, Class<?>... violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), "rule '" + rule.getDescription() + "' should reject " + violators[0].getSimpleName());
    }

    @Test
    void modelRuleRejectsJdbcAndJackson() {
        assertBites(ArchitectureRules.MODEL_DEPENDS_ON_JDK_ONLY, ModelUsesJdbcAndJackson.class);
    }

    @Test
    void diffRuleRejectsYaml() {
        assertBites(ArchitectureRules.DIFF_DEPENDS_ON_MODEL_AND_PURE_LIBRARIES, DiffReadsYaml.class);
    }

    @Test
    void ingestRuleRejectsJavaFx() {
        assertBites(ArchitectureRules.INGEST_DEPENDS_ON_MODEL_AND_PARSERS, ImporterUsesJavaFx.class);
    }

    @Test
    void storeRuleRejectsServiceCalls() {
        assertBites(ArchitectureRules.STORE_DEPENDS_ON_MODEL_AND_JDBC, StoreCallsService.class);
    }

    @Test
    void javaFxRuleRejectsJavaFxInIngest() {
        assertBites(ArchitectureRules.NO_JAVAFX_OUTSIDE_UI, ImporterUsesJavaFx.class);
    }

    @Test
    void serviceRuleRejectsCliCalls() {
        assertBites(ArchitectureRules.SERVICE_DOES_NOT_SEE_ITS_CALLERS, ServiceCallsCli.class);
    }

    @Test
    void uiAndCliRuleRejectsDirectStoreAccess() {
        assertBites(ArchitectureRules.UI_AND_CLI_GO_THROUGH_SERVICES, CliReadsStoreDirectly.class);
    }

    @Test
    void cycleRuleRejectsServiceAndCliCallingEachOther() {
        assertBites(ArchitectureRules.NO_CYCLES, ServiceCallsCli.class, CliReadsStoreDirectly.class,
                org.reprodiff.cli.archviolation.CliCallsService.class);
    }
}
