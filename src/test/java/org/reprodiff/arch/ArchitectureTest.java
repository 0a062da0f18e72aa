package org.reprodiff.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code keeps STYLE.md's layering rules. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.reprodiff");
    }

    @Test
    void modelDependsOnJdkOnly() {
        ArchitectureRules.MODEL_DEPENDS_ON_JDK_ONLY.check(production);
    }

    @Test
    void diffDependsOnModelAndPureLibraries() {
        ArchitectureRules.DIFF_DEPENDS_ON_MODEL_AND_PURE_LIBRARIES.allowEmptyShould(true).check(production);
    }

    @Test
    void ingestDependsOnModelAndParsers() {
        ArchitectureRules.INGEST_DEPENDS_ON_MODEL_AND_PARSERS.check(production);
    }

    @Test
    void storeDependsOnModelAndJdbc() {
        ArchitectureRules.STORE_DEPENDS_ON_MODEL_AND_JDBC.check(production);
    }

    @Test
    void noJavaFxOutsideUi() {
        ArchitectureRules.NO_JAVAFX_OUTSIDE_UI.check(production);
    }

    @Test
    void serviceDoesNotSeeItsCallers() {
        ArchitectureRules.SERVICE_DOES_NOT_SEE_ITS_CALLERS.check(production);
    }

    @Test
    void uiAndCliGoThroughServices() {
        ArchitectureRules.UI_AND_CLI_GO_THROUGH_SERVICES.check(production);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        ArchitectureRules.NO_CYCLES.check(production);
    }
}
