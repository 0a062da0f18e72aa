package org.reprodiff.cli.archviolation;

import org.reprodiff.store.RunStore;

/** Deliberately breaks "ui and cli go through services"; used by ArchitectureRulesBiteTest. */
public final class CliReadsStoreDirectly {
    public int count(RunStore store) {
        return store.count();
    }
}
