package org.run78.domain.aggregation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;

/**
 * What a set of donations adds to the totals, pre-summed so that each shared item is
 * written once per set, however many donations it holds.
 */
public record Deltas(Map<String, Long> regionSteps, Map<String, Long> regionDonations, Map<String, UserDelta> users) {

    public record UserDelta(long countedSteps, long donations) {
        UserDelta plus(UserDelta other) {
            return new UserDelta(countedSteps + other.countedSteps, donations + other.donations);
        }
    }

    public static Deltas of(List<Donation> donations) {
        Map<String, Long> steps = new TreeMap<>();
        Map<String, Long> count = new TreeMap<>();
        Map<String, UserDelta> users = new TreeMap<>();
        for (Donation d : donations) {
            steps.merge(d.regionCode(), d.countedSteps(), Long::sum);
            count.merge(d.regionCode(), 1L, Long::sum);
            users.merge(d.userId(), new UserDelta(d.countedSteps(), 1), UserDelta::plus);
        }
        return new Deltas(steps, count, users);
    }

    /** Region deltas as they count toward the aided totals: a helper's steps go to the region it helps. */
    public static Map<String, Long> aidedSteps(Campaign campaign, Map<String, Long> regionSteps) {
        Map<String, Long> aided = new TreeMap<>();
        regionSteps.forEach((region, delta) ->
                campaign.aidedTotalFor(region).ifPresent(code -> aided.merge(code, delta, Long::sum)));
        return aided;
    }

    public static Map<String, Long> sum(List<Map<String, Long>> parts) {
        Map<String, Long> total = new TreeMap<>();
        parts.forEach(part -> part.forEach((k, v) -> total.merge(k, v, Long::sum)));
        return total;
    }
}
