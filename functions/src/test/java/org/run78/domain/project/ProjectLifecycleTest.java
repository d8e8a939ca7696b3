package org.run78.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class ProjectLifecycleTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    final ProjectLifecycle lifecycle = new ProjectLifecycle(CAMPAIGN);

    static final ProjectReport.Delivered GOOD_DELIVERY = new ProjectReport.Delivered(
            500, 15_000_000, LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31));
    static final ProjectReport.Payout PAYOUT = new ProjectReport.Payout(20_000, 3);
    static final ProjectReport.Completed COMPLETED = new ProjectReport.Completed();
    static final ProjectReport.ResultsPublished RESULTS = new ProjectReport.ResultsPublished("https://example.org/results");

    static Instant at(String shanghaiTime) {
        return OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant();
    }

    static ClaimedProject claimed() {
        return ClaimedProject.claimed("620000", "PICC", "中国人保", "claim-1", List.of("620000"), null,
                at("2019-07-01T10:00:00"));
    }

    ClaimedProject after(ProjectReport... reports) {
        ClaimedProject p = claimed();
        Instant t = at("2019-08-01T10:00:00");
        for (ProjectReport r : reports) {
            p = lifecycle.apply(p, r, t);
            t = t.plusSeconds(3600);
        }
        return p;
    }

    DomainException refusal(ClaimedProject p, ProjectReport r) {
        return assertThrows(DomainException.class, () -> lifecycle.apply(p, r, at("2019-09-01T10:00:00")));
    }

    // --- order ---

    @Test
    void aClaimedProjectIsDeliveredThenPaysOutAnyNumberOfTimesThenCompletesThenPublishesResults() {
        ClaimedProject p = after(GOOD_DELIVERY, PAYOUT, PAYOUT, PAYOUT, COMPLETED, RESULTS);
        assertEquals(ProjectStatus.RESULTS_PUBLISHED, p.status());
        assertEquals(7, p.version(), "one version per report");
        assertEquals(new ClaimedProject.PayoutTotals(3, 60_000, 9), p.payoutTotals());
    }

    @Test
    void aProjectMayCompleteStraightAfterDeliveryWithoutPayouts() {
        assertEquals(ProjectStatus.COMPLETED, after(GOOD_DELIVERY, COMPLETED).status());
    }

    @Test
    void nothingButADeliveryCanFollowTheClaim() {
        for (ProjectReport r : List.of(PAYOUT, COMPLETED, RESULTS)) {
            DomainException e = refusal(claimed(), r);
            assertEquals(ErrorCode.INVALID_TRANSITION, e.code(), r.type());
            assertEquals("claimed", e.details().get("status"));
        }
    }

    @Test
    void aProjectIsDeliveredOnlyOnce() {
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(after(GOOD_DELIVERY), GOOD_DELIVERY).code());
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(after(GOOD_DELIVERY, PAYOUT), GOOD_DELIVERY).code());
    }

    @Test
    void resultsArePublishedOnlyAfterCompletion() {
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(after(GOOD_DELIVERY), RESULTS).code());
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(after(GOOD_DELIVERY, PAYOUT), RESULTS).code());
    }

    @Test
    void aCompletedProjectTakesNoMorePayoutsAndDoesNotCompleteTwice() {
        ClaimedProject completed = after(GOOD_DELIVERY, COMPLETED);
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(completed, PAYOUT).code());
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(completed, COMPLETED).code());
    }

    @Test
    void publishedResultsAreTheLastWord() {
        ClaimedProject done = after(GOOD_DELIVERY, COMPLETED, RESULTS);
        for (ProjectReport r : List.of(GOOD_DELIVERY, PAYOUT, COMPLETED, RESULTS)) {
            DomainException e = refusal(done, r);
            assertEquals(ErrorCode.INVALID_TRANSITION, e.code());
            assertEquals("results-published", e.details().get("status"));
        }
    }

    // --- terms of a delivery, from the campaign data ---

    @Test
    void fourHundredNinetyNineBeneficiariesAreShortOfTheTerms() {
        DomainException e = refusal(claimed(), new ProjectReport.Delivered(499, 15_000_000,
                LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31)));
        assertEquals(ErrorCode.PROJECT_TERMS_NOT_MET, e.code());
        assertEquals(List.of("beneficiaries"), e.details().get("unmet"));
    }

    @Test
    void fifteenMillionYuanLessOneIsShortOfTheTerms() {
        DomainException e = refusal(claimed(), new ProjectReport.Delivered(500, 14_999_999,
                LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31)));
        assertEquals(List.of("coverageAmountYuan"), e.details().get("unmet"));
    }

    @Test
    void coverFromTheFirstOfAugustToTheLastOfJulyIsOneYearBothDaysIncluded() {
        assertTrue(lifecycle.coversAtLeastTheMinimumTerm(LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31)));
        assertFalse(lifecycle.coversAtLeastTheMinimumTerm(LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 30)));
    }

    @Test
    void coverOneDayShortOfAYearIsShortOfTheTerms() {
        DomainException e = refusal(claimed(), new ProjectReport.Delivered(500, 15_000_000,
                LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 30)));
        assertEquals(List.of("coverTerm"), e.details().get("unmet"));
    }

    @Test
    void everyUnmetTermIsNamed() {
        DomainException e = refusal(claimed(), new ProjectReport.Delivered(0, 0,
                LocalDate.of(2019, 8, 1), LocalDate.of(2019, 8, 1)));
        assertEquals(List.of("beneficiaries", "coverageAmountYuan", "coverTerm"), e.details().get("unmet"));
    }

    @Test
    void theTermsComeFromTheCampaignData() {
        Campaign stricter = campaignWith("\"minBeneficiaries\": 500", "\"minBeneficiaries\": 800");
        ProjectLifecycle strict = new ProjectLifecycle(stricter);
        assertThrows(DomainException.class, () -> strict.requireTerms(GOOD_DELIVERY));
        lifecycle.requireTerms(GOOD_DELIVERY); // the 2019 data: 500 is enough
    }

    @Test
    void anOutOfOrderReportIsRefusedBeforeItsTermsAreLookedAt() {
        ProjectReport.Delivered poor = new ProjectReport.Delivered(1, 1, LocalDate.of(2019, 8, 1), LocalDate.of(2019, 8, 2));
        assertEquals(ErrorCode.INVALID_TRANSITION, refusal(after(GOOD_DELIVERY), poor).code());
    }

    @Test
    void malformedReportsAreInvalidRequests() {
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class, () -> new ProjectReport.Delivered(
                500, 15_000_000, LocalDate.of(2020, 8, 1), LocalDate.of(2019, 8, 1))).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class, () -> new ProjectReport.Delivered(
                -1, 15_000_000, LocalDate.of(2019, 8, 1), LocalDate.of(2020, 8, 1))).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class, () -> new ProjectReport.Payout(0, 1)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class, () -> new ProjectReport.Payout(100, 0)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class,
                () -> new ProjectReport.ResultsPublished("javascript:alert(1)")).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class,
                () -> new ProjectReport.ResultsPublished("not a url")).code());
    }

    @Test
    void aPayoutOfMoreThanATrillionYuanOrAHundredMillionCasesIsAnInvalidRequestNamingTheField() {
        new ProjectReport.Payout(ProjectReport.Payout.MAX_AMOUNT_YUAN, ProjectReport.Payout.MAX_CASES);
        DomainException amount = assertThrows(DomainException.class,
                () -> new ProjectReport.Payout(ProjectReport.Payout.MAX_AMOUNT_YUAN + 1, 1));
        assertEquals(ErrorCode.INVALID_REQUEST, amount.code());
        assertTrue(amount.getMessage().startsWith("amountYuan"), amount.getMessage());
        DomainException cases = assertThrows(DomainException.class,
                () -> new ProjectReport.Payout(1, ProjectReport.Payout.MAX_CASES + 1));
        assertEquals(ErrorCode.INVALID_REQUEST, cases.code());
        assertTrue(cases.getMessage().startsWith("cases"), cases.getMessage());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class,
                () -> new ProjectReport.Payout(Long.MAX_VALUE, Long.MAX_VALUE)).code());
    }

    @Test
    void aDeliveryOfMoreThanABillionBeneficiariesOrTenTrillionYuanOfCoverIsAnInvalidRequestNamingTheField() {
        LocalDate from = LocalDate.of(2019, 8, 1);
        LocalDate to = LocalDate.of(2020, 7, 31);
        new ProjectReport.Delivered(ProjectReport.Delivered.MAX_BENEFICIARIES, ProjectReport.Delivered.MAX_COVERAGE_YUAN, from, to);
        DomainException beneficiaries = assertThrows(DomainException.class, () -> new ProjectReport.Delivered(
                ProjectReport.Delivered.MAX_BENEFICIARIES + 1, 15_000_000, from, to));
        assertEquals(ErrorCode.INVALID_REQUEST, beneficiaries.code());
        assertTrue(beneficiaries.getMessage().startsWith("beneficiaries"), beneficiaries.getMessage());
        DomainException cover = assertThrows(DomainException.class, () -> new ProjectReport.Delivered(
                500, ProjectReport.Delivered.MAX_COVERAGE_YUAN + 1, from, to));
        assertEquals(ErrorCode.INVALID_REQUEST, cover.code());
        assertTrue(cover.getMessage().startsWith("coverageAmountYuan"), cover.getMessage());
    }

    @Test
    void payoutTotalsOfTheLargestReportsStayExactAndPositive() {
        ProjectReport.Payout largest = new ProjectReport.Payout(ProjectReport.Payout.MAX_AMOUNT_YUAN, ProjectReport.Payout.MAX_CASES);
        ClaimedProject p = after(GOOD_DELIVERY, largest, largest);
        assertEquals(new ClaimedProject.PayoutTotals(2, 2 * ProjectReport.Payout.MAX_AMOUNT_YUAN, 2 * ProjectReport.Payout.MAX_CASES),
                p.payoutTotals());
    }

    // --- deadlines, from the campaign data ---

    @Test
    void aClaimedProjectIsDueFourMonthsAfterTheCampaignEndsAtSixInTheEveningOnTheEighthOfNovember() {
        assertEquals(at("2019-11-08T18:00:00"), lifecycle.deliveryDeadline());
        assertEquals(at("2019-11-08T18:00:00"), lifecycle.deadline(claimed()).orElseThrow());
    }

    @Test
    void theDeliveryDeadlineFollowsTheCampaignData() {
        Campaign sixMonths = campaignWith("\"deliveryWithin\": \"P4M\"", "\"deliveryWithin\": \"P6M\"");
        assertEquals(at("2020-01-08T18:00:00"), new ProjectLifecycle(sixMonths).deliveryDeadline());
        Campaign laterEnd = campaignWith("\"end\": \"2019-07-08T18:00:00\"", "\"end\": \"2019-07-10T12:00:00\"");
        assertEquals(at("2019-11-10T12:00:00"), new ProjectLifecycle(laterEnd).deliveryDeadline());
    }

    @Test
    void aCompletedProjectMustPublishItsResultsWithinOneMonthOfCompletion() {
        ClaimedProject p = lifecycle.apply(after(GOOD_DELIVERY), COMPLETED, at("2020-08-15T09:30:00"));
        assertEquals(at("2020-09-15T09:30:00"), lifecycle.deadline(p).orElseThrow());
    }

    @Test
    void theResultsDeadlineFollowsTheCampaignData() {
        Campaign twoMonths = campaignWith("\"resultsWithin\": \"P1M\"", "\"resultsWithin\": \"P2M\"");
        assertEquals(at("2020-10-15T09:30:00"), new ProjectLifecycle(twoMonths).resultsDeadline(at("2020-08-15T09:30:00")));
    }

    @Test
    void aDeliveredProjectRunsAgainstNoDeadlineUntilItCompletes() {
        assertTrue(lifecycle.deadline(after(GOOD_DELIVERY)).isEmpty());
        assertTrue(lifecycle.deadline(after(GOOD_DELIVERY, PAYOUT)).isEmpty());
        assertTrue(lifecycle.deadline(after(GOOD_DELIVERY, COMPLETED, RESULTS)).isEmpty());
    }

    @Test
    void aClaimedProjectIsOverdueTheMomentAfterItsDeliveryDeadlineNotAtIt() {
        assertFalse(lifecycle.overdue(claimed(), at("2019-11-08T18:00:00")));
        assertTrue(lifecycle.overdue(claimed(), at("2019-11-08T18:00:01")));
    }

    @Test
    void aDeliveredProjectIsNotOverdue() {
        assertFalse(lifecycle.overdue(after(GOOD_DELIVERY), at("2020-12-31T00:00:00")));
    }

    @Test
    void aCompletedProjectWithoutResultsAMonthLaterIsOverdueAndPublishingEndsThat() {
        ClaimedProject completed = lifecycle.apply(after(GOOD_DELIVERY), COMPLETED, at("2020-08-15T09:30:00"));
        assertFalse(lifecycle.overdue(completed, at("2020-09-15T09:30:00")));
        assertTrue(lifecycle.overdue(completed, at("2020-09-15T09:30:01")));
        ClaimedProject published = lifecycle.apply(completed, RESULTS, at("2020-09-20T00:00:00"));
        assertFalse(lifecycle.overdue(published, at("2021-01-01T00:00:00")));
    }

    @Test
    void aLateDeliveryIsTakenAndMarkedLate() {
        ClaimedProject onTime = lifecycle.apply(claimed(), GOOD_DELIVERY, at("2019-11-08T18:00:00"));
        ClaimedProject late = lifecycle.apply(claimed(), GOOD_DELIVERY, at("2019-11-09T08:00:00"));
        assertFalse(onTime.reports().get(0).late());
        assertTrue(late.reports().get(0).late());
        assertEquals(ProjectStatus.DELIVERED, late.status());
    }

    @Test
    void lateResultsAreMarkedLate() {
        ClaimedProject completed = lifecycle.apply(after(GOOD_DELIVERY), COMPLETED, at("2020-08-15T09:30:00"));
        ClaimedProject published = lifecycle.apply(completed, RESULTS, at("2020-10-01T00:00:00"));
        assertTrue(published.last(ProjectReport.ResultsPublished.class).orElseThrow().late());
    }

    static Campaign campaignWith(String from, String to) {
        return org.run78.domain.CampaignVariants.with(from, to);
    }
}
