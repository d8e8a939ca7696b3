package org.run78.domain.donation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class DonationPolicyTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final String APP_ID = "wx-test-app";
    final DonationPolicy policy = new DonationPolicy(CAMPAIGN, APP_ID);

    static Instant at(String shanghaiTime) {
        return OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant();
    }

    static RunData runData(Instant now, LocalDate day, long steps) {
        long midnight = CAMPAIGN.midnightEpochSecond(day);
        return new RunData(List.of(
                new RunData.DaySteps(midnight - 86_400, 20_000),
                new RunData.DaySteps(midnight, steps)),
                new RunData.Watermark(APP_ID, now.getEpochSecond()));
    }

    static RunData todaysRunData(Instant now, long steps) {
        return runData(now, CAMPAIGN.dayOf(now), steps);
    }

    ErrorCode refusal(RunData data, Instant now) {
        return assertThrows(DomainException.class, () -> policy.accept(data, now)).code();
    }

    @Test
    void sevenThousandSevenHundredNinetyNineStepsAreBelowTheThreshold() {
        Instant now = at("2019-06-26T20:00:00");
        assertEquals(ErrorCode.BELOW_THRESHOLD, refusal(todaysRunData(now, 7_799), now));
    }

    @Test
    void sevenThousandEightHundredStepsMayBeDonated() {
        Instant now = at("2019-06-26T20:00:00");
        AcceptedSteps accepted = policy.accept(todaysRunData(now, 7_800), now);
        assertEquals(new AcceptedSteps(LocalDate.of(2019, 6, 26), 7_800, 7_800), accepted);
    }

    @Test
    void theCeilingItselfIsAcceptedAndOneStepMoreIsImplausible() {
        Instant now = at("2019-06-26T20:00:00");
        assertEquals(98_800, policy.accept(todaysRunData(now, 98_800), now).steps());
        assertEquals(ErrorCode.IMPLAUSIBLE_STEPS, refusal(todaysRunData(now, 98_801), now));
    }

    @Test
    void todayIsTheEntryStampedWithMidnightInShanghaiNotTheLastEntry() {
        Instant now = at("2019-06-27T00:00:30");
        RunData yesterdayLast = new RunData(List.of(
                new RunData.DaySteps(CAMPAIGN.midnightEpochSecond(LocalDate.of(2019, 6, 27)), 100),
                new RunData.DaySteps(CAMPAIGN.midnightEpochSecond(LocalDate.of(2019, 6, 26)), 30_000)),
                new RunData.Watermark(APP_ID, now.getEpochSecond()));
        assertEquals(ErrorCode.BELOW_THRESHOLD, refusal(yesterdayLast, now));
    }

    @Test
    void justBeforeMidnightInShanghaiTheDayIsStillToday() {
        Instant now = at("2019-06-26T23:59:59");
        assertEquals(LocalDate.of(2019, 6, 26), policy.accept(todaysRunData(now, 9_000), now).day());
    }

    @Test
    void afterMidnightInShanghaiYesterdaysEntryIsNotToday() {
        Instant now = at("2019-06-27T00:00:00");
        RunData onlyYesterday = runData(now, LocalDate.of(2019, 6, 26), 9_000);
        assertEquals(ErrorCode.INVALID_RUN_DATA, refusal(onlyYesterday, now));
    }

    @Test
    void theCampaignDayFollowsShanghaiNotUtc() {
        // 2019-06-26T17:00Z is already the 27th in Shanghai.
        Instant now = Instant.parse("2019-06-26T17:00:00Z");
        assertEquals(LocalDate.of(2019, 6, 27), policy.accept(todaysRunData(now, 9_000), now).day());
    }

    @Test
    void beforeSixOnTheFirstMorningTheCampaignHasNotStarted() {
        Instant now = at("2019-06-25T05:59:59");
        assertEquals(ErrorCode.CAMPAIGN_NOT_STARTED, refusal(todaysRunData(now, 9_000), now));
    }

    @Test
    void atSixOnTheFirstMorningDonationsOpen() {
        Instant now = at("2019-06-25T06:00:00");
        assertEquals(9_000, policy.accept(todaysRunData(now, 9_000), now).steps());
    }

    @Test
    void atSixInTheEveningOfTheLastDayDonationsClose() {
        Instant last = at("2019-07-08T17:59:59");
        assertEquals(18_000, policy.accept(todaysRunData(last, 9_000), last).countedSteps());
        Instant end = at("2019-07-08T18:00:00");
        assertEquals(ErrorCode.CAMPAIGN_ENDED, refusal(todaysRunData(end, 9_000), end));
    }

    @Test
    void stepsDonatedOnTheDoubleDayCountTwice() {
        Instant now = at("2019-07-08T09:00:00");
        assertEquals(new AcceptedSteps(LocalDate.of(2019, 7, 8), 12_345, 24_690), policy.accept(todaysRunData(now, 12_345), now));
    }

    @Test
    void theDayBeforeTheDoubleDayCountsOnce() {
        Instant now = at("2019-07-07T23:59:00");
        assertEquals(12_345, policy.accept(todaysRunData(now, 12_345), now).countedSteps());
    }

    @Test
    void runDataIssuedToAnotherMiniProgramIsRefused() {
        Instant now = at("2019-06-26T20:00:00");
        RunData data = todaysRunData(now, 9_000);
        RunData foreign = new RunData(data.stepInfoList(), new RunData.Watermark("wx-someone-else", now.getEpochSecond()));
        assertEquals(ErrorCode.INVALID_RUN_DATA, refusal(foreign, now));
    }

    @Test
    void runDataOlderThanTheCampaignAllowsIsRefused() {
        Instant now = at("2019-06-26T20:00:00");
        RunData data = todaysRunData(now, 9_000);
        RunData stale = new RunData(data.stepInfoList(), new RunData.Watermark(APP_ID, now.minusSeconds(601).getEpochSecond()));
        assertEquals(ErrorCode.INVALID_RUN_DATA, refusal(stale, now));
        RunData recent = new RunData(data.stepInfoList(), new RunData.Watermark(APP_ID, now.minusSeconds(599).getEpochSecond()));
        assertEquals(9_000, policy.accept(recent, now).steps());
    }

    @Test
    void aWatermarkFromTheFutureIsRefused() {
        Instant now = at("2019-06-26T20:00:00");
        RunData data = todaysRunData(now, 9_000);
        RunData future = new RunData(data.stepInfoList(), new RunData.Watermark(APP_ID, now.plusSeconds(3_600).getEpochSecond()));
        assertEquals(ErrorCode.INVALID_RUN_DATA, refusal(future, now));
    }
}
