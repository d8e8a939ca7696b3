package org.run78.domain.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.company.Company;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.project.AidedProgress;
import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectBook;
import org.run78.domain.project.ProjectLifecycle;
import org.run78.domain.project.ProjectViews;

/** The claim's rules in order, against in-memory ports (the DynamoDB adapters are tested against moto). */
class ClaimServiceTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final Company PICC = new Company("PICC", "中国人民保险", Instant.parse("2019-06-01T00:00:00Z"));
    static final Instant OPEN = OffsetDateTime.parse("2019-07-01T10:00:00+08:00").toInstant();

    final Map<String, ClaimedProject> projects = new HashMap<>();
    final Map<String, Claim> claims = new HashMap<>();
    final List<String> writes = new ArrayList<>();
    final Map<String, AidedProgress.AidedTotal> totals = new HashMap<>();
    final List<Boolean> consistentReads = new ArrayList<>();

    final ClaimBook book = (claim, ps) -> {
        writes.add(claim.companyCode());
        Claim existing = claims.putIfAbsent(claim.companyCode(), claim);
        if (existing != null) {
            return Optional.of(existing);
        }
        ps.forEach(p -> projects.put(p.regionCode() + "#" + p.companyCode(), p));
        return Optional.empty();
    };
    final ProjectBook projectBook = new ProjectBook() {
        public List<ClaimedProject> all() {
            return List.copyOf(projects.values());
        }

        public Optional<ClaimedProject> find(String regionCode, String companyCode) {
            return Optional.ofNullable(projects.get(regionCode + "#" + companyCode));
        }

        public boolean replace(ClaimedProject current, ClaimedProject updated) {
            throw new UnsupportedOperationException();
        }
    };
    final AidedProgress progress = (Collection<String> codes, boolean consistent) -> {
        consistentReads.add(consistent);
        Map<String, AidedProgress.AidedTotal> found = new HashMap<>();
        codes.forEach(c -> Optional.ofNullable(totals.get(c)).ifPresent(t -> found.put(c, t)));
        return found;
    };

    ClaimService service(Instant now) {
        return new ClaimService(CAMPAIGN, book, projectBook, progress,
                new ProjectViews(CAMPAIGN, new ProjectLifecycle(CAMPAIGN)), Clock.fixed(now, ZoneOffset.UTC));
    }

    void generated(String... codes) {
        for (String code : codes) {
            totals.put(code, new AidedProgress.AidedTotal(code, 80_000_000, OPEN.minusSeconds(3600)));
        }
    }

    @Test
    void aClaimOfGeneratedAidedRegionsIsRecordedWithOneProjectPerRegionAndTheCampaignsOffset() {
        generated("620000", "540000");
        ClaimService.Receipt receipt = service(OPEN).claim(PICC, List.of("620000", "540000"), 20_000_000L);
        assertEquals(List.of("620000", "540000"), receipt.regions());
        assertEquals(20_000_000L, receipt.coverageAmountYuan());
        assertEquals("2019-07-01T10:00+08:00", receipt.claimedAt().toString());
        assertEquals(2, projects.size());
        assertEquals(List.of(true), consistentReads, "generation is read strongly consistent");
    }

    @Test
    void theClaimIdIsTheSameForEveryAttemptOfTheSameCompany() {
        assertEquals(Claim.idFor("2019", "PICC"), Claim.idFor("2019", "PICC"));
        assertTrue(!Claim.idFor("2019", "PICC").equals(Claim.idFor("2019", "CPIC")));
    }

    @Test
    void aSecondClaimIsRefusedWithTheFirstClaimAndWritesNoProject() {
        generated("620000", "540000");
        ClaimService.Receipt first = service(OPEN).claim(PICC, List.of("620000"), null);
        DomainException e = assertThrows(DomainException.class,
                () -> service(OPEN.plusSeconds(60)).claim(PICC, List.of("540000"), null));
        assertEquals(ErrorCode.ALREADY_CLAIMED, e.code());
        assertEquals(first, e.details().get("claim"));
        assertEquals(1, projects.size());
    }

    @Test
    void aRefusedClaimNeverReachesTheBook() {
        generated("620000");
        List<Runnable> refusals = List.of(
                () -> service(OPEN).claim(PICC, List.of(), null),
                () -> service(OPEN).claim(PICC, List.of("620000", "620000"), null),
                () -> service(OffsetDateTime.parse("2019-06-25T05:00:00+08:00").toInstant()).claim(PICC, List.of("620000"), null),
                () -> service(OffsetDateTime.parse("2019-07-08T18:00:00+08:00").toInstant()).claim(PICC, List.of("620000"), null),
                () -> service(OPEN).claim(PICC, List.of("330000"), null),
                () -> service(OPEN).claim(PICC, List.of("620000"), 1L),
                () -> service(OPEN).claim(PICC, List.of("620000"), Long.MAX_VALUE),
                () -> service(OPEN).claim(PICC, List.of("620000", "150000"), null));
        for (Runnable refusal : refusals) {
            assertThrows(DomainException.class, refusal::run);
        }
        assertEquals(List.of(), writes);
    }

    @Test
    void outsideTheWindowTheWindowIsTheAnswerWhateverTheRegions() {
        DomainException e = assertThrows(DomainException.class, () ->
                service(OffsetDateTime.parse("2019-07-09T09:00:00+08:00").toInstant()).claim(PICC, List.of("330000"), 1L));
        assertEquals(ErrorCode.CAMPAIGN_ENDED, e.code());
    }

    @Test
    void coverageBeyondAnyPolicyIsABadBodyAndSoRefusedBeforeTheWindowIsLookedAt() {
        DomainException e = assertThrows(DomainException.class, () ->
                service(OffsetDateTime.parse("2019-07-09T09:00:00+08:00").toInstant()).claim(PICC, List.of("620000"), Long.MAX_VALUE));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void severalCompaniesMayClaimTheSameRegion() {
        generated("620000");
        service(OPEN).claim(PICC, List.of("620000"), null);
        service(OPEN).claim(new Company("CPIC", "中国太平洋保险", OPEN), List.of("620000"), null);
        assertEquals(2, projects.size());
        assertEquals(2, service(OPEN).all().size());
    }

    @Test
    void theListingGroupsProjectsByClaimAndCountsOverdueProjectsAfterTheDeliveryDeadline() {
        generated("620000", "540000");
        service(OPEN).claim(PICC, List.of("540000", "620000"), null);
        ClaimService.Listing before = service(OffsetDateTime.parse("2019-11-08T18:00:00+08:00").toInstant()).listing();
        ClaimService.Listing after = service(OffsetDateTime.parse("2019-11-08T18:00:01+08:00").toInstant()).listing();
        assertEquals(1, before.claims());
        assertEquals(2, before.projects());
        assertEquals(0, before.overdue());
        assertEquals(2, after.overdue());
        assertEquals(List.of("540000", "620000"),
                after.entries().get(0).projects().stream().map(ProjectViews.Detail::regionCode).toList(),
                "projects in the order the claim named them");
    }
}
