package org.run78.domain.profile;

import java.util.List;
import java.util.Optional;

import org.run78.domain.badge.AwardedBadge;

/** What the users table holds for one user's page: the chosen name, if any, and the badges held. */
public record StoredProfile(Optional<String> displayName, List<AwardedBadge> badges) {

    public StoredProfile {
        badges = List.copyOf(badges);
    }
}
