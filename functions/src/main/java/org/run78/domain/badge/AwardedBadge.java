package org.run78.domain.badge;

import java.time.Instant;

/** A badge a user holds, with the time it was earned: the time of the donation that completed its rule. */
public record AwardedBadge(String id, Instant awardedAt) {}
