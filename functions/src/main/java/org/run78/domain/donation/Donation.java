package org.run78.domain.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of the donation ledger: at most one per user per campaign day. */
public record Donation(String donationId, String userId, LocalDate day, String regionCode,
                       int steps, long countedSteps, Instant donatedAt) {

    /** Derived from the business key (user, day): a retried or re-published donation keeps its id. */
    public static String idFor(String userId, LocalDate day) {
        return UUID.nameUUIDFromBytes((userId + "#" + day).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
