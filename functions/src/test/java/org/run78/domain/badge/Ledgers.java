package org.run78.domain.badge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;

/** Donations as the donate path records them (day and counted steps by the 2019 campaign), and in-memory ports. */
public final class Ledgers {
    public static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    public static final String USER = "u_testuser0000000000000000001";

    private Ledgers() {}

    /** A time in Asia/Shanghai, "2019-06-25T20:00". */
    public static Instant shanghai(String localTime) {
        return OffsetDateTime.parse(localTime + (localTime.length() == 16 ? ":00" : "") + "+08:00").toInstant();
    }

    public static Donation donation(String userId, Instant at, String regionCode, int steps) {
        LocalDate day = CAMPAIGN.dayOf(at);
        return new Donation(Donation.idFor(userId, day), userId, day, regionCode, steps,
                CAMPAIGN.donations().countedSteps(day, steps), at);
    }

    public static Donation donation(String shanghaiTime) {
        return donation(USER, shanghai(shanghaiTime), "620000", 10_000);
    }

    /** One donation at 20:00 Shanghai time on each of the given days of the campaign. */
    public static List<Donation> eveningsOf(String... days) {
        List<Donation> list = new ArrayList<>();
        for (String day : days) {
            list.add(donation(day + "T20:00"));
        }
        return list;
    }

    /** Every day from `first`, for `count` days, at 20:00 Shanghai time. */
    public static List<Donation> consecutiveEvenings(String first, int count) {
        LocalDate start = LocalDate.parse(first);
        List<Donation> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(donation(start.plusDays(i) + "T20:00"));
        }
        return list;
    }

    public static DonorHistory history(Collection<Donation> donations) {
        return new DonorHistory(USER, List.copyOf(donations));
    }

    /** The ledger as the histories port sees it: the donations recorded so far. */
    public static final class InMemoryLedger implements DonorHistories {
        private final Map<String, List<Donation>> byUser = new HashMap<>();

        public InMemoryLedger record(Donation d) {
            byUser.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d);
            return this;
        }

        @Override
        public DonorHistory of(String userId) {
            return new DonorHistory(userId, byUser.getOrDefault(userId, List.of()));
        }
    }

    /** Badges with the store's rule: an award is written only if the badge is not held. */
    public static final class InMemoryBadges implements AwardedBadges {
        final Map<String, Map<String, AwardedBadge>> byUser = new HashMap<>();
        int writes;

        @Override
        public List<AwardedBadge> of(String userId) {
            return List.copyOf(byUser.getOrDefault(userId, Map.of()).values());
        }

        @Override
        public boolean award(String userId, AwardedBadge badge) {
            writes++;
            return byUser.computeIfAbsent(userId, u -> new HashMap<>()).putIfAbsent(badge.id(), badge) == null;
        }

        public Map<String, Instant> held(String userId) {
            return byUser.getOrDefault(userId, Map.of()).values().stream()
                    .collect(Collectors.toMap(AwardedBadge::id, AwardedBadge::awardedAt));
        }
    }
}
