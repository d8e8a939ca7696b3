package org.run78.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.domain.claim.Claim;
import org.run78.domain.company.Company;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.project.AidedProgress;
import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectReport;
import org.run78.domain.project.ProjectStatus;
import org.run78.domain.project.ReportEntry;
import org.run78.local.ProvisionedResources;
import org.run78.local.SharedMoto;
import org.run78.store.DynamoAidedProgress;
import org.run78.store.DynamoClaims;
import org.run78.store.DynamoCompanies;
import org.run78.store.DynamoProjects;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The companies' stores against moto_server, on template.yaml's tables: the conditions are the writes' own. */
class CompanyStoresTest {
    static final Instant T = Instant.parse("2019-07-01T02:00:00Z");

    DynamoDbClient dynamo;
    String companiesTable;
    String stateTable;
    DynamoCompanies companies;
    DynamoClaims claims;
    DynamoProjects projects;
    DynamoAidedProgress progress;

    @BeforeEach
    void freshTables() {
        ProvisionedResources resources = SharedMoto.resetToTemplate();
        dynamo = SharedMoto.dynamoDb();
        companiesTable = resources.table("CompaniesTable").name();
        stateTable = resources.table("StateTable").name();
        companies = new DynamoCompanies(dynamo, companiesTable);
        claims = new DynamoClaims(dynamo, companiesTable);
        projects = new DynamoProjects(dynamo, companiesTable);
        progress = new DynamoAidedProgress(dynamo, stateTable);
    }

    static Claim claim(String company, Instant at, String... regions) {
        return new Claim(Claim.idFor("2019", company), company, company + " 保险", List.of(regions), null, at);
    }

    @Test
    void aCompanyCodeIsRegisteredOnceByTheWritesConditionAndTheFirstRegistrationIsKept() {
        companies.register(new Company("PICC", "中国人民保险", T), "hash-one");
        DomainException e = assertThrows(DomainException.class,
                () -> companies.register(new Company("PICC", "impostor", T.plusSeconds(1)), "hash-two"));
        assertEquals(ErrorCode.COMPANY_EXISTS, e.code());
        assertEquals("hash-one", companies.find("PICC").orElseThrow().credentialHash());
        assertEquals("中国人民保险", companies.find("PICC").orElseThrow().company().name());
        assertTrue(companies.find("CPIC").isEmpty());
    }

    @Test
    void aClaimAndItsProjectsAreWrittenTogether() {
        Claim c = new Claim(Claim.idFor("2019", "PICC"), "PICC", "中国人民保险", List.of("620000", "540000"), 20_000_000L, T);
        assertTrue(claims.record(c, c.projects()).isEmpty());
        assertEquals(List.of("COMPANY#PICC/CLAIM", "PROJECTS/540000#PICC", "PROJECTS/620000#PICC"),
                CompanyTables.keys(CompanyTables.scan(dynamo, companiesTable)));
        ClaimedProject gansu = projects.find("620000", "PICC").orElseThrow();
        assertEquals(ProjectStatus.CLAIMED, gansu.status());
        assertEquals(List.of("620000", "540000"), gansu.claimRegions());
        assertEquals(20_000_000L, gansu.coverageAmountYuan());
        assertEquals(T, gansu.claimedAt());
    }

    @Test
    void aSecondClaimIsRefusedByTheTransactionsConditionReturnsTheFirstAndWritesNothing() {
        Claim first = claim("PICC", T, "620000");
        assertTrue(claims.record(first, first.projects()).isEmpty());
        List<Map<String, AttributeValue>> before = CompanyTables.scan(dynamo, companiesTable);
        Claim second = claim("PICC", T.plusSeconds(60), "540000", "630000");
        Optional<Claim> existing = claims.record(second, second.projects());
        assertEquals(Optional.of(first), existing);
        assertEquals(before, CompanyTables.scan(dynamo, companiesTable), "no project of the refused claim was written");
    }

    @Test
    void twentyRacingClaimsOfOneCompanyRecordExactlyOneAndTheOthersGetThatOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Claim>>> results = new ArrayList<>();
        String[] aided = {"620000", "150000", "540000", "630000", "430000"};
        List<Claim> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Claim c = claim("PICC", T.plusMillis(i), aided[i % aided.length]);
            attempts.add(c);
            Callable<Optional<Claim>> task = () -> {
                start.await();
                return claims.record(c, c.projects());
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<Claim> winners = new ArrayList<>();
        List<Claim> told = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Optional<Claim> r = results.get(i).get();
            if (r.isEmpty()) {
                winners.add(attempts.get(i));
            } else {
                told.add(r.get());
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size());
        assertEquals(19, told.size());
        assertTrue(told.stream().allMatch(winners.get(0)::equals), "each refusal carries the claim made");
        assertEquals(List.of("COMPANY#PICC/CLAIM", "PROJECTS/" + winners.get(0).regions().get(0) + "#PICC"),
                CompanyTables.keys(CompanyTables.scan(dynamo, companiesTable)));
    }

    @Test
    void severalCompaniesClaimTheSameRegionEachWithItsOwnProject() {
        for (String company : List.of("PICC", "CPIC", "PING-AN")) {
            Claim c = claim(company, T, "620000");
            assertTrue(claims.record(c, c.projects()).isEmpty());
        }
        assertEquals(3, projects.all().size());
        assertTrue(projects.all().stream().allMatch(p -> p.regionCode().equals("620000")));
    }

    @Test
    void aReportIsWrittenOnlyOverTheVersionItWasDecidedOn() {
        Claim c = claim("PICC", T, "620000");
        claims.record(c, c.projects());
        ClaimedProject current = projects.find("620000", "PICC").orElseThrow();
        ProjectReport.Delivered delivered = new ProjectReport.Delivered(600, 16_000_000,
                LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31));
        ClaimedProject mine = current.after(ProjectStatus.DELIVERED, new ReportEntry(delivered, T.plusSeconds(10), false));
        ClaimedProject theirs = current.after(ProjectStatus.DELIVERED, new ReportEntry(delivered, T.plusSeconds(11), true));
        assertTrue(projects.replace(current, mine));
        assertFalse(projects.replace(current, theirs), "decided on a state that is gone");
        ClaimedProject stored = projects.find("620000", "PICC").orElseThrow();
        assertEquals(mine, stored);
        assertEquals(2, stored.version());
    }

    @Test
    void everyKindOfReportSurvivesTheRoundTripThroughTheTable() {
        Claim c = claim("PICC", T, "620000");
        claims.record(c, c.projects());
        ClaimedProject p = projects.find("620000", "PICC").orElseThrow();
        List<ProjectReport> reports = List.of(
                new ProjectReport.Delivered(600, 16_000_000, LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31)),
                new ProjectReport.Payout(30_000, 4),
                new ProjectReport.Completed(),
                new ProjectReport.ResultsPublished("https://example.org/picc/2019"));
        ProjectStatus[] statuses = {ProjectStatus.DELIVERED, ProjectStatus.PAYOUTS, ProjectStatus.COMPLETED, ProjectStatus.RESULTS_PUBLISHED};
        for (int i = 0; i < reports.size(); i++) {
            ClaimedProject next = p.after(statuses[i], new ReportEntry(reports.get(i), T.plusSeconds(i), i % 2 == 0));
            assertTrue(projects.replace(p, next));
            p = next;
        }
        assertEquals(p, projects.find("620000", "PICC").orElseThrow());
    }

    @Test
    void theAidedTotalsAreReadAsTheAggregationWritesThem() {
        CompanyTables.generated(dynamo, stateTable, T, "620000");
        CompanyTables.counted(dynamo, stateTable, "150000", 12_345);
        Map<String, AidedProgress.AidedTotal> totals = progress.totals(List.of("620000", "150000", "540000"), true);
        assertEquals(new AidedProgress.AidedTotal("620000", 78_000_000, T), totals.get("620000"));
        assertEquals(new AidedProgress.AidedTotal("150000", 12_345, null), totals.get("150000"));
        assertNull(totals.get("540000"), "nothing counted yet");
        assertEquals(2, progress.totals(List.of("620000", "150000", "540000"), false).size());
    }
}
