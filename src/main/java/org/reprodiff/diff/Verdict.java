package org.reprodiff.diff;

/** What a comparison concludes (PRODUCT.md, "What a comparison says"). */
public enum Verdict {
    /** Recorded inputs equal, outputs equal within tolerance. */
    REPRODUCED,
    /** Recorded inputs equal, outputs differ. */
    NONDETERMINISTIC,
    /** Inputs differ and outputs differ. */
    EXPLAINED,
    /** Inputs differ, outputs equal. */
    ROBUST;

    static Verdict of(boolean inputsDiffer, boolean outputsDiffer) {
        if (inputsDiffer) {
            return outputsDiffer ? EXPLAINED : ROBUST;
        }
        return outputsDiffer ? NONDETERMINISTIC : REPRODUCED;
    }
}
