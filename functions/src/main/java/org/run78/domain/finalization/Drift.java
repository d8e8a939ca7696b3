package org.run78.domain.finalization;

/**
 * A stored total that differs from what the ledger sums to. For aided totals only steps are
 * kept, so their donations are zero on both sides.
 */
public record Drift(Scope scope, String code, Counts stored, Counts ledger) {

    public enum Scope {
        /** A region's own total: StateTable `REGION#<code>` / `TOTAL`, steps and donations. */
        REGION,
        /** An aided total (own + helper's steps): StateTable `AIDED#<code>` / `TOTAL`, steps. */
        AIDED,
        /** A user's totals: UsersTable `USER#<userId>` / `PROFILE`, countedSteps and donations. */
        USER
    }

    /** What the stored value must change by to equal the ledger's. */
    public Counts difference() {
        return ledger.minus(stored);
    }

    /** The same drift against another stored value (one found by a conditional write that lost). */
    public Drift withStored(Counts found) {
        return new Drift(scope, code, found, ledger);
    }

    /** The item, as logs name it. */
    public String item() {
        return switch (scope) {
            case REGION -> "REGION#" + code + "/TOTAL";
            case AIDED -> "AIDED#" + code + "/TOTAL";
            case USER -> "USER#" + code + "/PROFILE";
        };
    }
}
