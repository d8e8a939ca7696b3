package org.run78.domain.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.project.AidedProgress.AidedTotal;
import org.run78.domain.project.ProjectReport;

class ClaimPolicyTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    final ClaimPolicy policy = new ClaimPolicy(CAMPAIGN);

    static Instant at(String shanghaiTime) {
        return OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant();
    }

    static DomainException refused(Executable rule) {
        return assertThrows(DomainException.class, rule);
    }

    @Test
    void beforeSixOnTheFirstMorningClaimsHaveNotStarted() {
        assertEquals(ErrorCode.CAMPAIGN_NOT_STARTED, refused(() -> policy.requireOpen(at("2019-06-25T05:59:59"))).code());
    }

    @Test
    void atSixOnTheFirstMorningClaimsOpen() {
        policy.requireOpen(at("2019-06-25T06:00:00"));
    }

    @Test
    void aSecondBeforeSixInTheEveningOfTheLastDayAClaimIsStillTaken() {
        policy.requireOpen(at("2019-07-08T17:59:59"));
    }

    @Test
    void atSixInTheEveningOfTheLastDayClaimsClose() {
        assertEquals(ErrorCode.CAMPAIGN_ENDED, refused(() -> policy.requireOpen(at("2019-07-08T18:00:00"))).code());
    }

    @Test
    void coverageIsOptional() {
        policy.requireCoverage(null);
    }

    @Test
    void fifteenMillionYuanOfCoverageIsEnoughAndOneYuanLessIsTooLow() {
        policy.requireCoverage(15_000_000L);
        DomainException e = refused(() -> policy.requireCoverage(14_999_999L));
        assertEquals(ErrorCode.COVERAGE_TOO_LOW, e.code());
        assertEquals(15_000_000L, e.details().get("minimumYuan"));
    }

    @Test
    void zeroOrNegativeCoverageIsTooLow() {
        assertEquals(ErrorCode.COVERAGE_TOO_LOW, refused(() -> policy.requireCoverage(0L)).code());
        assertEquals(ErrorCode.COVERAGE_TOO_LOW, refused(() -> policy.requireCoverage(-5L)).code());
    }

    @Test
    void coverageOfMoreThanTenTrillionYuanIsAnInvalidRequestNamingTheField() {
        policy.requirePlausibleCoverage(null);
        policy.requirePlausibleCoverage(ProjectReport.Delivered.MAX_COVERAGE_YUAN);
        DomainException e = refused(() -> policy.requirePlausibleCoverage(ProjectReport.Delivered.MAX_COVERAGE_YUAN + 1));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("coverageAmountYuan"), e.getMessage());
        assertEquals(ErrorCode.INVALID_REQUEST, refused(() -> policy.requirePlausibleCoverage(Long.MAX_VALUE)).code());
    }

    @Test
    void theMinimumCoverageComesFromTheCampaignData() {
        Campaign lower = org.run78.domain.CampaignVariants.with(
                "\"minCoverageYuan\": 15000000\n  },\n  \"projects\"", "\"minCoverageYuan\": 10000000\n  },\n  \"projects\"");
        new ClaimPolicy(lower).requireCoverage(10_000_000L);
        assertEquals(ErrorCode.COVERAGE_TOO_LOW, refused(() -> policy.requireCoverage(10_000_000L)).code());
    }

    @Test
    void anEmptyRegionListIsAnInvalidRequest() {
        assertEquals(ErrorCode.INVALID_REQUEST, refused(() -> policy.requireWellFormed(List.of())).code());
    }

    @Test
    void aRegionNamedTwiceIsAnInvalidRequest() {
        assertEquals(ErrorCode.INVALID_REQUEST, refused(() -> policy.requireWellFormed(List.of("620000", "620000"))).code());
    }

    @Test
    void aRegionCodeThatIsNotSixDigitsIsAnInvalidRequest() {
        for (String bad : List.of("62000", "6200000", "62000A", "", " 620000")) {
            assertEquals(ErrorCode.INVALID_REQUEST, refused(() -> policy.requireWellFormed(List.of(bad))).code(), bad);
        }
        assertEquals(ErrorCode.INVALID_REQUEST, refused(() -> policy.requireWellFormed(Arrays.asList((String) null))).code());
    }

    @Test
    void helperRegionsAndUnknownCodesAreNotAidedAndEachIsNamed() {
        DomainException e = refused(() -> policy.requireAided(List.of("620000", "330000", "999999")));
        assertEquals(ErrorCode.NOT_AIDED_REGION, e.code());
        assertEquals(List.of("330000", "999999"), e.details().get("regions"));
    }

    @Test
    void all22AidedRegionsMayBeNamedInOneClaim() {
        policy.requireAided(policy.aidedCodes());
        policy.requireWellFormed(policy.aidedCodes());
        assertEquals(22, policy.aidedCodes().size());
    }

    @Test
    void aRegionWhoseProjectIsNotGeneratedIsRefusedAndTheRefusalNamesOnlyThoseRegions() {
        Map<String, AidedTotal> totals = Map.of(
                "620000", new AidedTotal("620000", 78_000_000, at("2019-07-01T12:00:00")),
                "150000", new AidedTotal("150000", 77_999_999, null));
        DomainException e = refused(() -> policy.requireGenerated(List.of("620000", "150000", "540000"), totals));
        assertEquals(ErrorCode.PROJECT_NOT_GENERATED, e.code());
        assertEquals(List.of("150000", "540000"), e.details().get("regions"));
        policy.requireGenerated(List.of("620000"), totals);
    }
}
