package org.run78.domain.badge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.run78.domain.campaign.BadgeRule;
import org.run78.domain.donation.Donation;

/**
 * The campaign's badge rules applied to a user's ledger. A badge is earned by the donation
 * that completes its rule, and `awardedAt` is that donation's time, so the answer depends
 * only on the ledger, never on when or how often it is evaluated.
 */
public final class BadgePolicy {
    private final List<BadgeRule> rules;

    public BadgePolicy(List<BadgeRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<BadgeRule> rules() {
        return rules;
    }

    /** The badges the history has earned, in the campaign's order of rules. */
    public List<AwardedBadge> earned(DonorHistory history) {
        List<AwardedBadge> earned = new ArrayList<>();
        for (BadgeRule rule : rules) {
            completedBy(rule, history.donations()).ifPresent(d -> earned.add(new AwardedBadge(rule.id(), d.donatedAt())));
        }
        return earned;
    }

    /** The donation (of a history in day order) that first satisfies the rule, if any does. */
    static Optional<Donation> completedBy(BadgeRule rule, List<Donation> inDayOrder) {
        return switch (rule.kind()) {
            case DONATIONS -> inDayOrder.size() >= rule.count()
                    ? Optional.of(inDayOrder.get(rule.count() - 1)) : Optional.empty();
            case CONSECUTIVE_DAYS -> firstRunOf(rule.count(), inDayOrder);
        };
    }

    private static Optional<Donation> firstRunOf(int days, List<Donation> inDayOrder) {
        int run = 0;
        LocalDate previous = null;
        for (Donation d : inDayOrder) {
            run = previous != null && d.day().equals(previous.plusDays(1)) ? run + 1 : 1;
            if (run == days) {
                return Optional.of(d);
            }
            previous = d.day();
        }
        return Optional.empty();
    }
}
