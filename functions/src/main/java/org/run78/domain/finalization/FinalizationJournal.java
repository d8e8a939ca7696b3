package org.run78.domain.finalization;

/** Where the finalizer writes what it does (the function's structured log): event name, then key-value pairs. */
@FunctionalInterface
public interface FinalizationJournal {
    void record(String event, Object... keyValues);
}
