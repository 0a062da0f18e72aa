package org.reprodiff.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md's layering rules, one constant each, so the rules and their bite tests share one definition. */
final class ArchitectureRules {
    private static final String JDK = "java..";
    private static final String JDK_X = "javax..";

    private ArchitectureRules() {
    }

    static final ArchRule MODEL_DEPENDS_ON_JDK_ONLY = classes().that().resideInAPackage("org.reprodiff.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.reprodiff.model..", JDK)
            .as("model depends on the JDK only");

    static final ArchRule DIFF_DEPENDS_ON_MODEL_AND_PURE_LIBRARIES = classes().that().resideInAPackage("org.reprodiff.diff..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.reprodiff.diff..", "org.reprodiff.model..", JDK,
                    "com.github.difflib..")
            .as("diff depends on model and small pure libraries only");

    static final ArchRule INGEST_DEPENDS_ON_MODEL_AND_PARSERS = classes().that().resideInAPackage("org.reprodiff.ingest..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.reprodiff.ingest..", "org.reprodiff.model..", JDK,
                    JDK_X, "com.fasterxml.jackson..", "org.yaml.snakeyaml..", "com.google.protobuf..", "org.sqlite..")
            .as("ingest depends on model and parsing libraries only");

    /** The store also uses Jackson, for the facets document of a run (see SqliteRunStore). */
    static final ArchRule STORE_DEPENDS_ON_MODEL_AND_JDBC = classes().that().resideInAPackage("org.reprodiff.store..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.reprodiff.store..", "org.reprodiff.model..", JDK,
                    JDK_X, "org.sqlite..", "com.fasterxml.jackson..")
            .as("store depends on model, JDBC and Jackson only");

    static final ArchRule NO_JAVAFX_OUTSIDE_UI = noClasses().that().resideOutsideOfPackages("org.reprodiff.ui..", "org.reprodiff.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
            .as("no JavaFX outside ui and app");

    static final ArchRule SERVICE_DOES_NOT_SEE_ITS_CALLERS = noClasses().that().resideInAPackage("org.reprodiff.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reprodiff.ui..", "org.reprodiff.cli..", "org.reprodiff.app..")
            .as("service does not depend on ui, cli or app");

    /**
     * The UI and the CLI reach runs only through services. They may use the pure result types those services
     * return (model, diff results, the report model) and the chart factory, never the store, the importers, the
     * generators or the composition root.
     */
    static final ArchRule UI_AND_CLI_GO_THROUGH_SERVICES = noClasses().that().resideInAnyPackage("org.reprodiff.ui..", "org.reprodiff.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reprodiff.store..", "org.reprodiff.ingest..",
                    "org.reprodiff.sample..", "org.reprodiff.app..")
            .as("ui and cli do not reach the store, importers, generators or composition root");

    static final ArchRule NO_CYCLES = slices().matching("org.reprodiff.(*)..").should().beFreeOfCycles()
            .as("no cycles between top-level packages");
}
