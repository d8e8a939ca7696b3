package org.run78.domain.finalization;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reads every user's stored totals once, in parallel segments. */
public interface ProfileTotals {

    /** As {@link LedgerScan#scan}: one sink per segment, each fed from one thread. */
    <S extends Consumer<StoredUserTotal>> List<S> scan(Supplier<S> sinkPerSegment);
}
