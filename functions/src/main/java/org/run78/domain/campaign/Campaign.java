package org.run78.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One edition of the campaign, as its data file states it. Every campaign value comes from
 * here; a new edition is a new file, not a code change.
 */
public record Campaign(String id, String name, ZoneId zone, LocalDateTime start, LocalDateTime end,
                       DonationRules donations, long aidedTargetSteps, int topDonors,
                       List<BadgeRule> badges, ClaimRules claims, ProjectRules projects,
                       List<Region> regions) {

    public Campaign {
        regions = List.copyOf(regions);
        badges = List.copyOf(badges);
    }

    public Instant startsAt() {
        return start.atZone(zone).toInstant();
    }

    public Instant endsAt() {
        return end.atZone(zone).toInstant();
    }

    /** The campaign day (a calendar day in the campaign's zone) that an instant falls on. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** WeChat stamps each day of run data with that day's midnight, in epoch seconds. */
    public long midnightEpochSecond(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    public CampaignPhase phaseAt(Instant now) {
        if (now.isBefore(startsAt())) {
            return CampaignPhase.UPCOMING;
        }
        return now.isBefore(endsAt()) ? CampaignPhase.OPEN : CampaignPhase.CLOSED;
    }

    public Optional<Region> region(String code) {
        return regions.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public List<Region> aidedRegions() {
        return regions.stream().filter(Region::aided).toList();
    }

    public Optional<Region> helperOf(String aidedCode) {
        return regions.stream().filter(r -> r.helps().filter(aidedCode::equals).isPresent()).findFirst();
    }

    /** The aided total a region's steps count toward: its own if aided, else the one it helps. */
    public Optional<String> aidedTotalFor(String regionCode) {
        return region(regionCode).flatMap(r -> r.aided() ? Optional.of(r.code()) : r.helps());
    }
}
