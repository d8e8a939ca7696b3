package org.run78.domain.finalization;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reads the whole donation ledger once, in parallel segments. */
public interface LedgerScan {

    /**
     * Feeds every donation of the ledger to exactly one sink. Each segment gets its own sink
     * (from `sinkPerSegment`) and feeds it from one thread; the sinks are returned once every
     * segment is done.
     */
    <S extends Consumer<LedgerDonation>> List<S> scan(Supplier<S> sinkPerSegment);
}
