package org.run78.domain.badge;

/** Reads one user's donations from the ledger, the source of truth, as of now (strongly consistent). */
public interface DonorHistories {
    DonorHistory of(String userId);
}
