package org.reprodiff.cli;

/** Exit codes of the command line, as PRODUCT.md defines them. */
public final class ExitCodes {
    /** The command did its work (problems in files are reported, not fatal); for diff: REPRODUCED. */
    public static final int OK = 0;
    /** diff: the runs differ. */
    public static final int DIFFERENT = 1;
    /** The command could not do its work: bad arguments, unusable database. */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
