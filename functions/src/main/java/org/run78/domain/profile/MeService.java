package org.run78.domain.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.badge.DonorHistories;
import org.run78.domain.badge.DonorHistory;
import org.run78.domain.campaign.BadgeRule;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.CampaignPhase;
import org.run78.domain.donation.Donation;

/**
 * The user's own page: totals and streaks from the ledger (so a donation shows at once, with
 * no aggregation lag), badges and display name from the users table.
 */
public final class MeService {
    private final Campaign campaign;
    private final DonorHistories histories;
    private final Profiles profiles;
    private final Clock clock;

    public MeService(Campaign campaign, DonorHistories histories, Profiles profiles, Clock clock) {
        this.campaign = campaign;
        this.histories = histories;
        this.profiles = profiles;
        this.clock = clock;
    }

    public MyPage me(String userId) {
        return page(histories.of(userId), profiles.load(userId), clock.instant());
    }

    /** Sets the display name (validated by DisplayName) and answers with the page that shows it. */
    public MyPage rename(String userId, String displayName) {
        String name = DisplayName.validate(displayName);
        Instant now = clock.instant();
        profiles.setDisplayName(userId, name, now);
        return me(userId);
    }

    MyPage page(DonorHistory history, StoredProfile profile, Instant now) {
        LocalDate today = campaign.dayOf(now);
        Donation todays = history.on(today).orElse(null);
        return new MyPage(
                DisplayName.shown(profile.displayName().orElse(null)),
                history.countedSteps(),
                history.count(),
                currentStreak(history, today, now),
                history.longestStreak(),
                badges(profile.badges()),
                new MyPage.Today(today, todays != null, todays == null ? null : todays.regionCode()));
    }

    /**
     * While the window is open today may still be donated, so a run ending yesterday is alive.
     * Once it has closed nothing can extend a run, so only one ending on the last day counts.
     */
    private int currentStreak(DonorHistory history, LocalDate today, Instant now) {
        if (campaign.phaseAt(now) != CampaignPhase.CLOSED) {
            return history.currentStreak(today, true);
        }
        // the window's last instant, not its end: an end at midnight belongs to the day after
        LocalDate lastDay = campaign.dayOf(campaign.endsAt().minusNanos(1));
        return history.currentStreak(lastDay, false);
    }

    private List<MyPage.Badge> badges(List<AwardedBadge> held) {
        Map<String, BadgeRule> rules = campaign.badges().stream().collect(Collectors.toMap(BadgeRule::id, Function.identity()));
        List<String> order = campaign.badges().stream().map(BadgeRule::id).toList();
        return held.stream()
                .sorted(Comparator.comparingInt((AwardedBadge b) -> order.contains(b.id()) ? order.indexOf(b.id()) : order.size())
                        .thenComparing(AwardedBadge::id))
                .map(b -> new MyPage.Badge(b.id(),
                        rules.containsKey(b.id()) ? rules.get(b.id()).name() : b.id(),
                        b.awardedAt().atZone(campaign.zone()).toOffsetDateTime()))
                .toList();
    }
}
