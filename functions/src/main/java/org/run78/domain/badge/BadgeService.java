package org.run78.domain.badge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates a user's badges from the ledger after a donation event. Idempotent and
 * order-independent: the ledger decides what is earned and when, and each badge is written
 * once by a conditional write, so a redelivered, duplicated or late event changes nothing.
 */
public final class BadgeService {
    private final BadgePolicy policy;
    private final DonorHistories histories;
    private final AwardedBadges badges;

    public BadgeService(BadgePolicy policy, DonorHistories histories, AwardedBadges badges) {
        this.policy = policy;
        this.histories = histories;
        this.badges = badges;
    }

    /** Thrown when an event names a donation the ledger does not hold; the event is tried again, then dead-lettered. */
    public static final class DonationNotInLedger extends RuntimeException {
        public DonationNotInLedger(String userId, LocalDate day) {
            super("the ledger holds no donation of " + userId + " on " + day);
        }
    }

    /**
     * Awards what the user's ledger has earned and the user does not hold yet. Every day in
     * `eventDays` must be in the ledger: an event is evidence of a recorded donation.
     * Returns the badges this call awarded.
     */
    public List<AwardedBadge> evaluate(String userId, Set<LocalDate> eventDays) {
        DonorHistory history = histories.of(userId);
        for (LocalDate day : eventDays) {
            if (history.on(day).isEmpty()) {
                throw new DonationNotInLedger(userId, day);
            }
        }
        List<AwardedBadge> earned = policy.earned(history);
        if (earned.isEmpty()) {
            return List.of();
        }
        Set<String> held = badges.of(userId).stream().map(AwardedBadge::id).collect(Collectors.toSet());
        List<AwardedBadge> awarded = new ArrayList<>();
        for (AwardedBadge badge : earned) {
            if (!held.contains(badge.id()) && badges.award(userId, badge)) {
                awarded.add(badge);
            }
        }
        return awarded;
    }
}
