package org.run78.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.testing.MiniProgram.require;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Json;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.store.Keys;
import org.run78.testing.MiniProgram;
import org.run78.testing.MiniProgram.Answer;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The campaign's end over HTTP, through the local stack: the template's routes and schedule,
 * the simulated clock, the queue consumers running in the background. The shared stack is reset
 * before each test (empty tables, cold functions, the clock at real time), so each test sets the
 * clock first.
 */
class FinalizationOverHttpTest {
    static final String OPEN = "2019-07-01T10:00:00+08:00";
    /** After the end plus the finalizer's in-flight grace (15 s), so a run does not wait for it. */
    static final String AFTER = "2019-07-08T18:00:30+08:00";

    LocalStack stack;
    MiniProgram app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void freshStack() {
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
    }

    Answer donate(String openId, String region, long steps) {
        return app.donate(openId, app.logIn(openId), region, steps);
    }

    Answer report() {
        return app.call("GET", "/v1/report", null, null);
    }

    Answer finalizeNow(String token) {
        return app.call("POST", "/v1/admin/finalize", null, token);
    }

    HttpResponse<byte[]> reportAsCsv() {
        try {
            return http.send(HttpRequest.newBuilder(stack.uri("/v1/report")).header("accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the aggregation has counted this many donations into the leaderboard. */
    /** The leaderboard is answered from a snapshot cached a second per container: final within that. */
    void awaitLeaderboardFinal() {
        Eventually.await("the leaderboard's campaign status final", Duration.ofSeconds(10), () ->
                "final".equals(require(app.leaderboard(), 200).body().get("campaign").get("status").asText()));
    }

    void awaitCounted(long steps) {
        Eventually.await("the leaderboard counts " + steps + " steps", () -> {
            JsonNode board = require(app.leaderboard(), 200).body();
            long total = 0;
            for (JsonNode r : board.get("regions")) {
                total += r.get("steps").asLong();
            }
            return total == steps;
        });
    }

    @Test
    void beforeTheEndNoReportAfterItDonationsAndClaimsAreRefusedAndTheOperatorsFinalizeAnswersTheReport() {
        app.clockAt(OPEN);
        require(donate("fa-alice", "330000", 12_000), 201);
        require(donate("fa-bob", "620000", 9_000), 201);
        require(donate("fa-carol", "110000", 30_000), 201);
        awaitCounted(51_000);
        // A company claims Gansu, whose project the aggregation is taken to have generated.
        String credential = require(app.call("POST", "/v1/admin/companies", MiniProgram.object()
                .put("companyCode", "PICC").put("name", "中国人民保险"), stack.adminToken()), 201).body().get("credential").asText();
        AwsClients.dynamoDb(stack.motoEndpoint()).updateItem(u -> u
                .tableName(stack.resources().table("StateTable").name())
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.aidedPk("620000")), Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK)))
                .updateExpression("SET generatedAt = :at")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS("2019-07-01T01:00:00Z"))));
        JsonNode claimBody = MiniProgram.object().put("companyCode", "PICC").set("regions", Json.MAPPER.createArrayNode().add("620000"));
        require(app.call("POST", "/v1/claims", claimBody, credential), 201);

        // Before the end: no report, and the operators' call is refused.
        Answer none = report();
        assertEquals(409, none.status());
        assertEquals("NOT_FINALIZED", none.errorCode());
        HttpResponse<byte[]> noCsv = reportAsCsv();
        assertEquals(409, noCsv.statusCode(), "the CSV asks the same question and gets the same error");
        assertTrue(new String(noCsv.body(), StandardCharsets.UTF_8).contains("NOT_FINALIZED"));
        assertEquals(401, finalizeNow(null).status());
        assertEquals(401, finalizeNow(app.logIn("fa-alice")).status(), "a user token is not the admin token");
        Answer early = finalizeNow(stack.adminToken());
        assertEquals(409, early.status());
        assertEquals("CAMPAIGN_NOT_ENDED", early.errorCode());

        app.clockAt(AFTER);
        Answer late = donate("fa-dave", "330000", 20_000);
        assertEquals(409, late.status());
        assertEquals("CAMPAIGN_ENDED", late.errorCode());
        String other = require(app.call("POST", "/v1/admin/companies", MiniProgram.object()
                .put("companyCode", "CPIC").put("name", "中国太平洋保险"), stack.adminToken()), 201).body().get("credential").asText();
        Answer lateClaim = app.call("POST", "/v1/claims", MiniProgram.object().put("companyCode", "CPIC")
                .set("regions", Json.MAPPER.createArrayNode().add("620000")), other);
        assertEquals(409, lateClaim.status());
        assertEquals("CAMPAIGN_ENDED", lateClaim.errorCode());

        // The operators' call (the schedule may be running it at the same moment: either way, one report).
        JsonNode published = require(finalizeNow(stack.adminToken()), 200).body();
        assertEquals("2019", published.get("campaignId").asText());
        assertEquals(3, published.get("totals").get("donations").asLong());
        assertEquals(3, published.get("totals").get("donors").asLong());
        assertEquals(51_000, published.get("totals").get("countedSteps").asLong());
        assertEquals(36, published.get("regions").size());
        assertEquals("110000", published.get("regions").get(0).get("code").asText());
        assertEquals(30_000, published.get("regions").get(0).get("steps").asLong());
        JsonNode gansu = published.get("aided").get(0);
        assertEquals("620000", gansu.get("code").asText());
        assertEquals(21_000, gansu.get("steps").asLong(), "own 9,000 + Zhejiang's 12,000");
        assertTrue(gansu.get("projectGenerated").asBoolean(), "a generation time is never taken back");
        assertEquals("[\"620000\"]", published.get("reconciliation").get("generatedBelowTarget").toString(),
                "and the report says that Gansu's project stands below the target in the ledger");
        assertEquals(1, published.get("claims").size());
        assertEquals("PICC", published.get("claims").get(0).get("companyCode").asText());
        assertEquals("中国人民保险", published.get("claims").get(0).get("companyName").asText());
        assertTrue(OffsetDateTime.parse(published.get("finalizedAt").asText()).toInstant()
                .isAfter(OffsetDateTime.parse("2019-07-08T18:00:00+08:00").toInstant()));

        assertEquals(published, require(report(), 200).body(), "GET /v1/report is the published report");
        assertEquals(published, require(finalizeNow(stack.adminToken()), 200).body(), "and finalizing again changes nothing");
        awaitLeaderboardFinal();

        HttpResponse<byte[]> csv = reportAsCsv();
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("content-type").orElseThrow());
        assertTrue(Arrays.equals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3)), "UTF-8 BOM");
        String[] lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(37, lines.length, "a header and 36 regions");
        assertEquals("rank,code,name,nameEn,steps,donations,aidedCode", lines[0]);
        assertEquals("1,110000,北京,Beijing,30000,1,530000", lines[1]);
        assertTrue(Arrays.asList(lines).contains("2,330000,浙江,Zhejiang,12000,1,620000"));
    }

    @Test
    void theScheduleFinalizesTheCampaignByItselfWhenTheClockPassesTheEnd() throws InterruptedException {
        app.clockAt(OPEN);
        require(donate("fs-erin", "540000", 15_000), 201);
        awaitCounted(15_000);

        app.clockAt("2019-07-08T17:59:50+08:00");
        Thread.sleep(1_000); // four ticks of the local scheduler
        assertEquals("NOT_FINALIZED", report().errorCode(), "not before the end");

        app.clockAt(AFTER);
        JsonNode published = Eventually.value("the scheduled finalizer publishes the report", () -> {
            Answer a = report();
            return a.status() == 200 ? a.body() : null;
        });
        assertEquals(1, published.get("totals").get("donations").asLong());
        assertEquals(15_000, published.get("aided").get(2).get("steps").asLong(), "Tibet (540000), third aided region");
        assertEquals("540000", published.get("aided").get(2).get("code").asText());
        awaitLeaderboardFinal();
    }
}
