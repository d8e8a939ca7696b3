package org.run78.domain.finalization;

/** Counted steps and number of donations: what a region total or a user's profile holds. */
public record Counts(long steps, long donations) {
    public static final Counts ZERO = new Counts(0, 0);

    public Counts plus(Counts other) {
        return new Counts(steps + other.steps, donations + other.donations);
    }

    public Counts minus(Counts other) {
        return new Counts(steps - other.steps, donations - other.donations);
    }
}
