package org.run78.domain.finalization;

import java.time.Instant;

/** The campaign's recorded status: closed once the finalizer starts, final once the report is published. */
public interface CampaignStatus {

    /** Records `closed` (keeping the first closing time); never moves a final campaign back. */
    void markClosed(Instant at);

    void markFinal(Instant at);
}
