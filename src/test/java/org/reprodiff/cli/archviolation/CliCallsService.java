package org.reprodiff.cli.archviolation;

import org.reprodiff.service.archviolation.ServiceCallsCli;

/** The other half of a deliberate cycle between cli and service; used by ArchitectureRulesBiteTest. */
public final class CliCallsService {
    public String call(ServiceCallsCli service) {
        return service.toString();
    }
}
