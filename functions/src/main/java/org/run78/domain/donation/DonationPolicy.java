package org.run78.domain.donation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.DonationRules;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** The campaign's donation rules, applied to decrypted run data at one instant. */
public final class DonationPolicy {
    private final Campaign campaign;
    private final String appId;

    public DonationPolicy(Campaign campaign, String appId) {
        this.campaign = campaign;
        this.appId = appId;
    }

    public void requireOpen(Instant now) {
        switch (campaign.phaseAt(now)) {
            case UPCOMING -> throw new DomainException(ErrorCode.CAMPAIGN_NOT_STARTED,
                    "the campaign opens at " + campaign.startsAt().atZone(campaign.zone()).toOffsetDateTime());
            case CLOSED -> throw new DomainException(ErrorCode.CAMPAIGN_ENDED,
                    "the campaign ended at " + campaign.endsAt().atZone(campaign.zone()).toOffsetDateTime());
            case OPEN -> { }
        }
    }

    public AcceptedSteps accept(RunData runData, Instant now) {
        requireOpen(now);
        checkWatermark(runData.watermark(), now);
        LocalDate today = campaign.dayOf(now);
        long todaysMidnight = campaign.midnightEpochSecond(today);
        long steps = runData.stepInfoList().stream()
                .filter(entry -> entry.timestamp() == todaysMidnight)
                .mapToLong(RunData.DaySteps::step)
                .findFirst()
                .orElseThrow(() -> runDataRefused("the run data has no entry for today, " + today));
        DonationRules rules = campaign.donations();
        if (steps < 0) {
            throw runDataRefused("the run data states a negative step count");
        }
        if (steps > rules.dailyCeiling()) {
            throw new DomainException(ErrorCode.IMPLAUSIBLE_STEPS,
                    steps + " steps is more than the " + rules.dailyCeiling() + " a day that WeChat Run records");
        }
        if (steps < rules.dailyThreshold()) {
            throw new DomainException(ErrorCode.BELOW_THRESHOLD,
                    "today's " + steps + " steps are below the " + rules.dailyThreshold() + " needed to donate");
        }
        int daySteps = (int) steps;
        return new AcceptedSteps(today, daySteps, rules.countedSteps(today, daySteps));
    }

    private void checkWatermark(RunData.Watermark watermark, Instant now) {
        if (watermark == null || !appId.equals(watermark.appid())) {
            throw runDataRefused("the run data was not issued to this mini-program");
        }
        Instant issuedAt = Instant.ofEpochSecond(watermark.timestamp());
        DonationRules rules = campaign.donations();
        if (Duration.between(issuedAt, now).compareTo(rules.runDataMaxAge()) > 0) {
            throw runDataRefused("the run data is older than " + rules.runDataMaxAge().toMinutes() + " minutes; fetch it again");
        }
        if (Duration.between(now, issuedAt).compareTo(rules.runDataClockSkew()) > 0) {
            throw runDataRefused("the run data's watermark lies in the future");
        }
    }

    private static DomainException runDataRefused(String message) {
        return new DomainException(ErrorCode.INVALID_RUN_DATA, message);
    }
}
