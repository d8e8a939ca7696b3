package org.run78.domain.finalization;

import java.util.Optional;

/** Sets a stored total to the ledger's value, never blindly. */
public interface TotalsCorrector {

    /**
     * Sets the drift's item to `ledger`, conditional on it still holding `stored`. Empty when
     * written; otherwise what the item holds now (a concurrent change), and nothing is written.
     */
    Optional<Counts> correct(Drift drift);
}
