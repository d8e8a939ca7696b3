package org.run78.domain.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** GET /v1/me, as API.md shapes it (plus the display name and each badge's name). */
public record MyPage(String displayName, long totalSteps, int donations, int currentStreak, int longestStreak,
                     List<Badge> badges, Today today) {

    public MyPage {
        badges = List.copyOf(badges);
    }

    public record Badge(String id, String name, OffsetDateTime awardedAt) {}

    /** Today's campaign day, and whether (and to which region) the user donated on it. */
    public record Today(LocalDate day, boolean donated, String regionCode) {}
}
