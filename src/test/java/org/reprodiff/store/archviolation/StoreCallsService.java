package org.reprodiff.store.archviolation;

import org.reprodiff.service.ImportService;

/** Deliberately breaks "store depends on model and JDBC only"; used by ArchitectureRulesBiteTest. */
public final class StoreCallsService {
    public String name(ImportService service) {
        return service.toString();
    }
}
