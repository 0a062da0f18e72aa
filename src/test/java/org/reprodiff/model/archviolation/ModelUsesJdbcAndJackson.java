package org.reprodiff.model.archviolation;

/** Deliberately breaks "model depends on the JDK only"; used by ArchitectureRulesBiteTest. */
public final class ModelUsesJdbcAndJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
