package org.run78.domain.badge;

import java.util.List;

/** Where the badges users hold are kept. */
public interface AwardedBadges {

    List<AwardedBadge> of(String userId);

    /**
     * Awards the badge unless the user already holds it, decided by the store's conditional
     * write: a badge held keeps the `awardedAt` it was first written with. True if this call
     * awarded it.
     */
    boolean award(String userId, AwardedBadge badge);
}
