package org.reprodiff.ingest.archviolation;

/** Deliberately breaks "no JavaFX outside ui"; used by ArchitectureRulesBiteTest. */
public final class ImporterUsesJavaFx {
    public Object property() {
        return new javafx.beans.property.SimpleStringProperty();
    }
}
