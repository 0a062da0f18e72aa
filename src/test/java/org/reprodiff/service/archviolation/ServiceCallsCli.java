package org.reprodiff.service.archviolation;

import org.reprodiff.cli.archviolation.CliCallsService;

/** Deliberately breaks "service does not depend on its callers" (and, with CliCallsService, forms a cycle). */
public final class ServiceCallsCli {
    public String call(CliCallsService cli) {
        return cli.toString();
    }
}
