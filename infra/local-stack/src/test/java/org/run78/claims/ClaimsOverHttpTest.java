package org.run78.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The claim platform and the operators over HTTP through the local stack, on template.yaml's
 * routes and tables: every error row of API.md for the company calls, each refusal leaving the
 * companies table exactly as it was; 20 racing claims; the project lifecycle and its deadlines.
 */
class ClaimsOverHttpTest {
    static final String OPEN = "2019-07-01T10:00:00+08:00";
    static final Instant GENERATED_AT = OffsetDateTime.parse("2019-06-30T12:00:00+08:00").toInstant();
    static final String GOOD_DELIVERY = "{\"type\":\"delivered\",\"beneficiaries\":500,\"coverageAmountYuan\":15000000,"
            + "\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-31\"}";

    static DynamoDbClient dynamo;
    LocalStack stack;
    ClaimPlatform platform;
    String companiesTable;
    String stateTable;

    @BeforeEach
    void cleanStack() {
        stack = SharedLocalStack.reset();
        if (dynamo == null) {
            dynamo = AwsClients.dynamoDb(stack.motoEndpoint());
        }
        platform = new ClaimPlatform(stack);
        platform.clockAt(OPEN);
        companiesTable = stack.resources().table("CompaniesTable").name();
        stateTable = stack.resources().table("StateTable").name();
        CompanyTables.generated(dynamo, stateTable, GENERATED_AT, "620000", "540000", "630000");
        CompanyTables.counted(dynamo, stateTable, "150000", 77_999_999);
    }

    @AfterAll
    static void closeClient() {
        if (dynamo != null) {
            dynamo.close();
            dynamo = null;
        }
    }

    List<Map<String, AttributeValue>> companiesTable() {
        return CompanyTables.scan(dynamo, companiesTable);
    }

    static String claimBody(String company, String regionsJson, String coverage) {
        return "{\"companyCode\":\"" + company + "\",\"regions\":" + regionsJson
                + (coverage == null ? "" : ",\"coverageAmountYuan\":" + coverage) + "}";
    }

    /** A refused request: its status and code, and not one item of the companies table changed. */
    ClaimPlatform.Answer refused(String what, int status, String code, Callable<ClaimPlatform.Answer> request) throws Exception {
        List<Map<String, AttributeValue>> before = companiesTable();
        ClaimPlatform.Answer answer = request.call();
        assertEquals(status, answer.status(), what + " -> " + answer.text());
        assertEquals(code, answer.code(), what + " -> " + answer.text());
        assertTrue(answer.body().get("error").get("message").asText().length() > 0, what);
        assertEquals(before, companiesTable(), what + " wrote nothing");
        return answer;
    }

    // --- POST /v1/claims ---

    @Test
    void twentyConcurrentClaimsOfOneCompanyGiveOne201AndNineteen409sEachCarryingTheClaimMade() throws Exception {
        String credential = platform.register("PICC", "中国人民保险");
        String[] choices = {"[\"620000\"]", "[\"540000\"]", "[\"630000\"]", "[\"620000\",\"540000\"]", "[\"540000\",\"630000\"]"};
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ClaimPlatform.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = claimBody("PICC", choices[i % choices.length], i % 2 == 0 ? null : "20000000");
            answers.add(pool.submit(() -> {
                go.await();
                return platform.claim(credential, body);
            }));
        }
        go.countDown();
        List<ClaimPlatform.Answer> created = new ArrayList<>();
        List<ClaimPlatform.Answer> conflicts = new ArrayList<>();
        for (Future<ClaimPlatform.Answer> f : answers) {
            ClaimPlatform.Answer a = f.get();
            (a.status() == 201 ? created : conflicts).add(a);
        }
        pool.shutdown();
        assertEquals(1, created.size(), "exactly one 201");
        assertEquals(19, conflicts.size());
        JsonNode made = created.get(0).body();
        for (ClaimPlatform.Answer conflict : conflicts) {
            assertEquals(409, conflict.status(), conflict.text());
            assertEquals("ALREADY_CLAIMED", conflict.code());
            assertEquals(made, conflict.body().get("claim"), "each 409 carries the claim made");
        }
        List<String> expectedKeys = new ArrayList<>(List.of("COMPANY#PICC/CLAIM", "COMPANY#PICC/PROFILE"));
        made.get("regions").forEach(r -> expectedKeys.add("PROJECTS/" + r.asText() + "#PICC"));
        expectedKeys.sort(String::compareTo);
        assertEquals(expectedKeys, CompanyTables.keys(companiesTable()), "one claim, and the projects of that claim only");
    }

    @Test
    void aClaimNamesGeneratedAidedRegionsWithOptionalCoverageAndIsAnswered201() {
        String credential = platform.register("PICC", "中国人民保险");
        JsonNode claim = ClaimPlatform.require(platform.claim(credential,
                claimBody("PICC", "[\"630000\",\"620000\"]", "15000000")), 201).body();
        assertEquals("PICC", claim.get("companyCode").asText());
        assertEquals("[\"630000\",\"620000\"]", claim.get("regions").toString());
        assertEquals(15_000_000, claim.get("coverageAmountYuan").asLong());
        assertEquals(OffsetDateTime.parse(OPEN).toInstant().getEpochSecond(),
                OffsetDateTime.parse(claim.get("claimedAt").asText()).toInstant().getEpochSecond(), 5);
        assertTrue(claim.get("claimedAt").asText().endsWith("+08:00"));
        assertFalse(claim.get("claimId").asText().isEmpty());
        String other = platform.register("CPIC", "中国太平洋保险");
        JsonNode open = ClaimPlatform.require(platform.claim(other, claimBody("CPIC", "[\"620000\"]", null)), 201).body();
        assertTrue(open.get("coverageAmountYuan").isNull(), "coverage is optional");
        assertEquals(2, platform.project("620000").get("claims").size(), "several companies may claim the same region");
    }

    @Test
    void everyErrorRowOfPostClaimsIsAnsweredWithItsCodeAndWritesNothing() throws Exception {
        String picc = platform.register("PICC", "中国人民保险");
        platform.register("CPIC", "中国太平洋保险");
        String ok = "[\"620000\"]";
        // 400 INVALID_REQUEST, also an empty or repeated region list
        refused("no body", 400, "INVALID_REQUEST", () -> platform.claim(picc, null));
        refused("not JSON", 400, "INVALID_REQUEST", () -> platform.claim(picc, "{regions"));
        refused("a JSON array", 400, "INVALID_REQUEST", () -> platform.claim(picc, "[]"));
        refused("no companyCode", 400, "INVALID_REQUEST", () -> platform.claim(picc, "{\"regions\":" + ok + "}"));
        refused("no regions", 400, "INVALID_REQUEST", () -> platform.claim(picc, "{\"companyCode\":\"PICC\"}"));
        refused("regions not a list", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", "\"620000\"", null)));
        refused("an empty region list", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", "[]", null)));
        refused("a repeated region", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", "[\"620000\",\"620000\"]", null)));
        refused("a 5-digit code", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", "[\"62000\"]", null)));
        refused("a numeric code", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", "[620000]", null)));
        refused("fractional coverage", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", ok, "15000000.5")));
        refused("coverage as text", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", ok, "\"15000000\"")));
        refused("coverage beyond any policy", 400, "INVALID_REQUEST", () -> platform.claim(picc, claimBody("PICC", ok, "9223372036854775807")));
        // 401
        refused("no credential", 401, "UNAUTHORIZED", () -> platform.claim(null, claimBody("PICC", ok, null)));
        refused("a wrong credential", 401, "UNAUTHORIZED", () -> platform.claim("PICC." + "x".repeat(43), claimBody("PICC", ok, null)));
        // 403 FORBIDDEN: the credential of another company
        refused("PICC's credential claiming for CPIC", 403, "FORBIDDEN", () -> platform.claim(picc, claimBody("CPIC", ok, null)));
        // 422 NOT_AIDED_REGION, naming the regions
        ClaimPlatform.Answer notAided = refused("a helper region and an unknown code", 422, "NOT_AIDED_REGION",
                () -> platform.claim(picc, claimBody("PICC", "[\"620000\",\"330000\",\"999999\"]", null)));
        assertEquals("[\"330000\",\"999999\"]", notAided.body().get("regions").toString());
        // 422 PROJECT_NOT_GENERATED, naming the regions
        ClaimPlatform.Answer notGenerated = refused("regions short of the target", 422, "PROJECT_NOT_GENERATED",
                () -> platform.claim(picc, claimBody("PICC", "[\"620000\",\"150000\",\"610000\"]", null)));
        assertEquals("[\"150000\",\"610000\"]", notGenerated.body().get("regions").toString());
        // 422 COVERAGE_TOO_LOW
        refused("14,999,999 yuan", 422, "COVERAGE_TOO_LOW", () -> platform.claim(picc, claimBody("PICC", ok, "14999999")));
        // 409 CAMPAIGN_NOT_STARTED / CAMPAIGN_ENDED
        platform.clockAt("2019-06-25T05:59:00+08:00");
        refused("before 06:00 on the first day", 409, "CAMPAIGN_NOT_STARTED", () -> platform.claim(picc, claimBody("PICC", ok, null)));
        platform.clockAt("2019-07-08T18:00:00+08:00");
        refused("at 18:00 on the last day", 409, "CAMPAIGN_ENDED", () -> platform.claim(picc, claimBody("PICC", ok, null)));
        // 409 ALREADY_CLAIMED, with the claim made
        platform.clockAt(OPEN);
        JsonNode made = ClaimPlatform.require(platform.claim(picc, claimBody("PICC", ok, null)), 201).body();
        ClaimPlatform.Answer again = refused("a second claim", 409, "ALREADY_CLAIMED",
                () -> platform.claim(picc, claimBody("PICC", "[\"540000\"]", "20000000")));
        assertEquals(made, again.body().get("claim"));
    }

    // --- POST /v1/projects/{regionCode}/reports ---

    @Test
    void everyErrorRowOfProjectReportsIsAnsweredWithItsCodeAndWritesNothing() throws Exception {
        String picc = platform.register("PICC", "中国人民保险");
        String cpic = platform.register("CPIC", "中国太平洋保险");
        ClaimPlatform.require(platform.claim(picc, claimBody("PICC", "[\"620000\"]", null)), 201);
        ClaimPlatform.require(platform.claim(cpic, claimBody("CPIC", "[\"540000\"]", null)), 201);
        // 400
        for (String body : List.of("", "nope", "{}", "{\"type\":\"audited\"}",
                "{\"type\":\"delivered\",\"beneficiaries\":500,\"coverageAmountYuan\":15000000,\"coverFrom\":\"2019-09-01\"}",
                "{\"type\":\"delivered\",\"beneficiaries\":\"500\",\"coverageAmountYuan\":15000000,\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-31\"}",
                "{\"type\":\"delivered\",\"beneficiaries\":500,\"coverageAmountYuan\":15000000,\"coverFrom\":\"1 Sept\",\"coverTo\":\"2020-08-31\"}",
                "{\"type\":\"delivered\",\"beneficiaries\":500,\"coverageAmountYuan\":15000000,\"coverFrom\":\"2020-09-01\",\"coverTo\":\"2019-08-31\"}",
                "{\"type\":\"payout\",\"amountYuan\":0,\"cases\":1}",
                "{\"type\":\"payout\",\"amountYuan\":100}",
                "{\"type\":\"payout\",\"amountYuan\":9223372036854775807,\"cases\":1}",
                "{\"type\":\"payout\",\"amountYuan\":100,\"cases\":9223372036854775807}",
                "{\"type\":\"delivered\",\"beneficiaries\":9223372036854775807,\"coverageAmountYuan\":15000000,\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-31\"}",
                "{\"type\":\"delivered\",\"beneficiaries\":500,\"coverageAmountYuan\":9223372036854775807,\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-31\"}",
                "{\"type\":\"results-published\",\"url\":\"ftp://example.org/x\"}")) {
            refused("body " + body, 400, "INVALID_REQUEST", () -> platform.report(picc, "620000", body.isEmpty() ? null : body));
        }
        refused("a path region that is not 6 digits", 400, "INVALID_REQUEST", () -> platform.report(picc, "62000", GOOD_DELIVERY));
        // 401
        refused("no credential", 401, "UNAUTHORIZED", () -> platform.report(null, "620000", GOOD_DELIVERY));
        refused("a wrong credential", 401, "UNAUTHORIZED", () -> platform.report("PICC." + "y".repeat(43), "620000", GOOD_DELIVERY));
        // 403 FORBIDDEN: a region it did not claim (claimed by another company, or by none)
        refused("CPIC's region", 403, "FORBIDDEN", () -> platform.report(picc, "540000", GOOD_DELIVERY));
        refused("an unclaimed region", 403, "FORBIDDEN", () -> platform.report(picc, "630000", GOOD_DELIVERY));
        refused("a helper region", 403, "FORBIDDEN", () -> platform.report(picc, "330000", GOOD_DELIVERY));
        refused("speaking for another company", 403, "FORBIDDEN", () -> platform.report(picc, "620000",
                GOOD_DELIVERY.replace("{\"type\"", "{\"companyCode\":\"CPIC\",\"type\"")));
        // 409 INVALID_TRANSITION
        ClaimPlatform.Answer early = refused("results before delivery", 409, "INVALID_TRANSITION",
                () -> platform.report(picc, "620000", "{\"type\":\"results-published\",\"url\":\"https://example.org/r\"}"));
        assertEquals("claimed", early.body().get("status").asText());
        // 422 PROJECT_TERMS_NOT_MET
        ClaimPlatform.Answer terms = refused("499 beneficiaries and 364 days", 422, "PROJECT_TERMS_NOT_MET",
                () -> platform.report(picc, "620000", "{\"type\":\"delivered\",\"beneficiaries\":499,"
                        + "\"coverageAmountYuan\":15000000,\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-29\"}"));
        assertEquals("[\"beneficiaries\",\"coverTerm\"]", terms.body().get("unmet").toString());
        refused("14,999,999 yuan of cover", 422, "PROJECT_TERMS_NOT_MET", () -> platform.report(picc, "620000",
                GOOD_DELIVERY.replace("15000000", "14999999")));
    }

    @Test
    void aProjectGoesDeliveredPayoutsCompletedResultsPublishedAndIsRefusedOutOfOrder() throws Exception {
        String picc = platform.register("PICC", "中国人民保险");
        ClaimPlatform.require(platform.claim(picc, claimBody("PICC", "[\"620000\",\"540000\"]", "30000000")), 201);
        String payout = "{\"type\":\"payout\",\"amountYuan\":12000,\"cases\":2}";
        String completed = "{\"type\":\"completed\"}";
        String results = "{\"type\":\"results-published\",\"url\":\"https://example.org/picc/gansu\"}";

        refused("a payout before delivery", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", payout));
        refused("completion before delivery", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", completed));

        platform.clockAt("2019-10-01T09:00:00+08:00");
        JsonNode delivered = ClaimPlatform.require(platform.report(picc, "620000", GOOD_DELIVERY), 201).body();
        assertEquals("delivered", delivered.get("status").asText());
        assertTrue(delivered.get("deadline").isNull(), "no deadline runs while the project is carried out");
        refused("a second delivery", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", GOOD_DELIVERY));
        refused("results before completion", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", results));

        ClaimPlatform.require(platform.report(picc, "620000", payout), 201);
        JsonNode payouts = ClaimPlatform.require(platform.report(picc, "620000", payout.replace("12000", "8000")), 201).body();
        assertEquals("payouts", payouts.get("status").asText());
        assertEquals(2, payouts.get("payouts").get("reports").asInt());
        assertEquals(20_000, payouts.get("payouts").get("amountYuan").asLong());
        assertEquals(4, payouts.get("payouts").get("cases").asLong());

        platform.clockAt("2020-09-01T12:00:00+08:00");
        JsonNode done = ClaimPlatform.require(platform.report(picc, "620000", completed), 201).body();
        assertEquals("completed", done.get("status").asText());
        refused("a payout after completion", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", payout));
        refused("completing twice", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", completed));

        JsonNode published = ClaimPlatform.require(platform.report(picc, "620000", results), 201).body();
        assertEquals("results-published", published.get("status").asText());
        assertEquals("https://example.org/picc/gansu", published.get("results").get("url").asText());
        assertEquals(6, published.get("version").asLong());
        assertEquals(List.of("delivered", "payout", "payout", "completed", "results-published"),
                types(published.get("reports")));
        refused("anything after the results", 409, "INVALID_TRANSITION", () -> platform.report(picc, "620000", payout));

        JsonNode listing = ClaimPlatform.require(platform.adminClaims(platform.adminToken()), 200).body();
        JsonNode claim = listing.get("entries").get(0);
        assertEquals("PICC", claim.get("companyCode").asText());
        assertEquals("results-published", claim.get("projects").get(0).get("status").asText());
        assertEquals("claimed", claim.get("projects").get(1).get("status").asText(), "the other region is untouched");
        assertEquals("results-published", platform.project("620000").get("claims").get(0).get("status").asText());
    }

    static List<String> types(JsonNode reports) {
        List<String> types = new ArrayList<>();
        reports.forEach(r -> types.add(r.get("type").asText()));
        return types;
    }

    @Test
    void deadlinesComeFromTheCampaignDataAndAProjectPastItsDeadlineShowsOverdue() {
        String picc = platform.register("PICC", "中国人民保险");
        String cpic = platform.register("CPIC", "中国太平洋保险");
        ClaimPlatform.require(platform.claim(picc, claimBody("PICC", "[\"620000\"]", null)), 201);
        ClaimPlatform.require(platform.claim(cpic, claimBody("CPIC", "[\"620000\"]", null)), 201);

        // Delivery within P4M of the campaign's end (2019-07-08 18:00 Asia/Shanghai).
        platform.clockAt("2019-11-08T17:59:00+08:00");
        JsonNode claims = platform.project("620000").get("claims");
        for (JsonNode c : claims) {
            assertEquals(OffsetDateTime.parse("2019-11-08T18:00:00+08:00").toInstant(),
                    OffsetDateTime.parse(c.get("deadline").asText()).toInstant());
            assertFalse(c.get("overdue").asBoolean());
        }
        ClaimPlatform.require(platform.report(picc, "620000", GOOD_DELIVERY), 201);

        platform.clockAt("2019-11-08T18:00:01+08:00");
        // The public list is cached a second per container: PICC's delivery shows within it.
        JsonNode after = Eventually.value("PICC's delivery in the project list", () -> {
            JsonNode listed = platform.project("620000").get("claims");
            for (JsonNode c : listed) {
                if (c.get("companyCode").asText().equals("PICC") && c.get("status").asText().equals("delivered")) {
                    return listed;
                }
            }
            return null;
        });
        JsonNode piccClaim = after.get(0).get("companyCode").asText().equals("PICC") ? after.get(0) : after.get(1);
        JsonNode cpicClaim = after.get(0).get("companyCode").asText().equals("CPIC") ? after.get(0) : after.get(1);
        assertFalse(piccClaim.get("overdue").asBoolean(), "delivered in time");
        assertTrue(cpicClaim.get("overdue").asBoolean(), "not delivered by the deadline");
        JsonNode listing = ClaimPlatform.require(platform.adminClaims(platform.adminToken()), 200).body();
        assertEquals(1, listing.get("overdue").asInt());

        // A late delivery is taken, marked late, and ends the overdue state.
        JsonNode late = ClaimPlatform.require(platform.report(cpic, "620000", GOOD_DELIVERY), 201).body();
        assertTrue(late.get("delivery").get("late").asBoolean());
        assertFalse(late.get("overdue").asBoolean());

        // Results within P1M of completion.
        platform.clockAt("2020-09-15T10:00:00+08:00");
        JsonNode completed = ClaimPlatform.require(platform.report(picc, "620000", "{\"type\":\"completed\"}"), 201).body();
        Instant completedAt = OffsetDateTime.parse(completed.get("completedAt").asText()).toInstant();
        Instant deadline = OffsetDateTime.parse(completed.get("deadline").asText()).toInstant();
        assertEquals(completedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toInstant(), deadline);
        platform.clockAt("2020-10-15T10:00:05+08:00");
        assertTrue(ClaimPlatform.require(platform.adminClaims(platform.adminToken()), 200).body()
                .get("entries").get(0).get("projects").get(0).get("overdue").asBoolean());
    }

    @Test
    void theProjectListShowsAll22AidedRegionsWithTotalsTargetAndGeneration() {
        JsonNode projects = ClaimPlatform.require(platform.projects(), 200).body().get("projects");
        assertEquals(22, projects.size());
        JsonNode gansu = projects.get(0);
        assertEquals("620000", gansu.get("regionCode").asText());
        assertEquals(78_000_000, gansu.get("steps").asLong());
        assertEquals(78_000_000, gansu.get("target").asLong());
        assertTrue(gansu.get("generated").asBoolean());
        assertEquals(GENERATED_AT, OffsetDateTime.parse(gansu.get("generatedAt").asText()).toInstant());
        JsonNode innerMongolia = platform.project("150000");
        assertEquals(77_999_999, innerMongolia.get("steps").asLong());
        assertFalse(innerMongolia.get("generated").asBoolean());
        assertTrue(innerMongolia.get("generatedAt").isNull());
        JsonNode shaanxi = platform.project("610000");
        assertEquals(0, shaanxi.get("steps").asLong(), "nothing counted yet");
        assertTrue(shaanxi.get("claims").isArray() && shaanxi.get("claims").isEmpty());
        projects.forEach(p -> assertFalse(p.get("regionCode").asText().equals("330000"), "helper regions have no project"));
    }

    @Test
    void everyErrorRowOfTheRegistryIsAnsweredWithItsCode() throws Exception {
        String admin = platform.adminToken();
        String first = platform.register("PICC", "中国人民保险");
        refused("no name", 400, "INVALID_REQUEST", () -> platform.send("POST", "/v1/admin/companies", "{\"companyCode\":\"CPIC\"}", admin));
        refused("a malformed code", 400, "INVALID_REQUEST", () -> platform.send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"cpic.1\",\"name\":\"x\"}", admin));
        refused("not JSON", 400, "INVALID_REQUEST", () -> platform.send("POST", "/v1/admin/companies", "{", admin));
        refused("a name of no-break spaces", 400, "INVALID_REQUEST", () -> platform.send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"CPIC\",\"name\":\"\\u00a0\\u202f\"}", admin));
        refused("a name hiding a zero-width space", 400, "INVALID_REQUEST", () -> platform.send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"CPIC\",\"name\":\"中国\\u200b太保\"}", admin));
        refused("no admin token", 401, "UNAUTHORIZED", () -> platform.send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"CPIC\",\"name\":\"x\"}", null));
        refused("a registered code", 409, "COMPANY_EXISTS", () -> platform.send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"PICC\",\"name\":\"impostor\"}", admin));
        // the first registration's credential still works
        ClaimPlatform.require(platform.claim(first, claimBody("PICC", "[\"620000\"]", null)), 201);
        refused("the listing without the admin token", 401, "UNAUTHORIZED", () -> platform.adminClaims(null));
    }
}
