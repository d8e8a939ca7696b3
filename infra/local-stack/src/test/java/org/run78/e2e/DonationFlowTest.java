package org.run78.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.testing.MiniProgram.object;
import static org.run78.testing.MiniProgram.require;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.testing.MiniProgram;
import org.run78.testing.MiniProgram.Answer;
import org.run78.wechat.RunDataCipher;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Login → run data → donation, over HTTP through the local stack, with every error row of API.md. */
class DonationFlowTest {
    LocalStack stack;
    MiniProgram app;
    DynamoDbClient dynamo;

    @BeforeEach
    void freshStack() {
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
        dynamo = AwsClients.dynamoDb(stack.motoEndpoint());
        app.clockAt("2019-06-26T09:00:00+08:00");
    }

    int ledgerSize() {
        return dynamo.scan(b -> b.tableName(stack.environmentOf("DonateFunction").get("LEDGER_TABLE"))).count();
    }

    @Test
    void aUserDonatesTodaysStepsOnceAndARetryIsShownTheDonationMade() {
        String token = app.logIn("alice");
        MiniProgram.RunData runData = app.weRun("alice", 12_345);
        Answer first = require(app.donate(token, "330000", runData), 201);
        assertEquals("2019-06-26", first.body().get("day").asText());
        assertEquals("330000", first.body().get("regionCode").asText());
        assertEquals(12_345, first.body().get("steps").asInt());
        assertEquals(12_345, first.body().get("countedSteps").asInt());
        JsonNode board = first.body().get("leaderboard");
        assertEquals(36, board.get("regions").size());
        assertEquals(22, board.get("aided").size());
        assertEquals("open", board.get("campaign").get("status").asText());

        Answer retry = app.donate(token, "330000", runData);
        assertEquals(409, retry.status());
        assertEquals("ALREADY_DONATED_TODAY", retry.errorCode());
        assertEquals(first.body().get("donationId").asText(), retry.body().get("donation").get("donationId").asText());
        Answer otherRegion = app.donate("alice", token, "620000", 20_000);
        assertEquals("ALREADY_DONATED_TODAY", otherRegion.errorCode());
        assertEquals("330000", otherRegion.body().get("donation").get("regionCode").asText());
        assertEquals(1, ledgerSize());
    }

    @Test
    void aNewDayMayPickAnotherRegion() {
        String token = app.logIn("bob");
        require(app.donate("bob", token, "330000", 9_000), 201);
        app.clockAt("2019-06-27T07:00:00+08:00");
        token = app.logIn("bob");
        Answer nextDay = require(app.donate("bob", token, "620000", 9_500), 201);
        assertEquals("2019-06-27", nextDay.body().get("day").asText());
        assertEquals(2, ledgerSize());
    }

    @Test
    void theDonationReachesTheLeaderboardWithinSeconds() {
        String token = app.logIn("carol");
        require(app.donate("carol", token, "330000", 15_000), 201);
        Eventually.await("Zhejiang's total shows the donation", () -> {
            JsonNode board = require(app.leaderboard(), 200).body();
            for (JsonNode region : board.get("regions")) {
                if (region.get("code").asText().equals("330000")) {
                    return region.get("steps").asLong() == 15_000;
                }
            }
            return false;
        });
        JsonNode board = app.leaderboard().body();
        JsonNode gansu = null;
        for (JsonNode aided : board.get("aided")) {
            if (aided.get("code").asText().equals("620000")) {
                gansu = aided;
            }
        }
        assertNotNull(gansu);
        assertEquals(15_000, gansu.get("steps").asLong(), "Zhejiang runs for Gansu");
        assertEquals(1, board.get("topDonors").size());
        assertFalse(board.get("topDonors").get(0).toString().contains("carol"), "never the openid");
    }

    @Test
    void stepsDonatedOnTheDoubleDayCountTwice() {
        app.clockAt("2019-07-08T10:00:00+08:00");
        String token = app.logIn("dave");
        Answer answer = require(app.donate("dave", token, "110000", 10_000), 201);
        assertEquals(10_000, answer.body().get("steps").asInt());
        assertEquals(20_000, answer.body().get("countedSteps").asInt());
    }

    @Test
    void stepsDayOrCountedStepsThatTheClientAddsAreIgnored() {
        String token = app.logIn("erin");
        MiniProgram.RunData runData = app.weRun("erin", 8_000);
        JsonNode body = object().put("regionCode", "330000").put("encryptedData", runData.encryptedData())
                .put("iv", runData.iv()).put("steps", 98_000).put("countedSteps", 196_000).put("day", "2019-07-08");
        Answer answer = require(app.call("POST", "/v1/donations", body, token), 201);
        assertEquals(8_000, answer.body().get("steps").asInt());
        assertEquals(8_000, answer.body().get("countedSteps").asInt());
        assertEquals("2019-06-26", answer.body().get("day").asText());
    }

    @Test
    void sessionErrorsAnswerWithTheirCodes() {
        assertEquals("INVALID_REQUEST", app.send("POST", "/v1/sessions", "{}", null).errorCode());
        assertEquals(400, app.send("POST", "/v1/sessions", "not json", null).status());
        assertEquals(400, app.send("POST", "/v1/sessions", "{\"code\": 42}", null).status());
        assertEquals(400, app.send("POST", "/v1/sessions", "[]", null).status());
        Answer unknown = app.createSession("no-such-code");
        assertEquals(401, unknown.status());
        assertEquals("WECHAT_LOGIN_FAILED", unknown.errorCode());
        String code = app.wxLogin("frank");
        require(app.createSession(code), 200);
        assertEquals("WECHAT_LOGIN_FAILED", app.createSession(code).errorCode(), "a code is used once");
        assertEquals("WECHAT_LOGIN_FAILED", app.createSession(app.wxLogin("blocked-gina")).errorCode());
        Answer limited = app.createSession(app.wxLogin("ratelimited-hal"));
        assertEquals(429, limited.status());
        Answer busy = app.createSession(app.wxLogin("busy-ivy"));
        assertEquals(503, busy.status());
        assertFalse(busy.text().contains("secret"), "nothing of our credentials leaks");
    }

    @Test
    void aSessionAnswersATokenAndAnExpiryButNeverTheSessionKey() {
        Answer session = require(app.createSession(app.wxLogin("judy")), 200);
        assertNotNull(session.body().get("token").asText());
        assertNotNull(session.body().get("expiresAt").asText());
        String sessionKey = stack.weChat().sessionKey("judy").orElseThrow();
        assertFalse(session.text().contains(sessionKey));
        assertFalse(session.text().contains("judy"));
    }

    @Test
    void badDonationRequestsAreRefusedWithTheirCodesAndWriteNothing() {
        String token = app.logIn("kim");
        MiniProgram.RunData runData = app.weRun("kim", 9_000);

        assertEquals(401, app.donate(null, "330000", runData).status());
        assertEquals("UNAUTHORIZED", app.donate(token + "x", "330000", runData).errorCode());
        assertEquals("UNAUTHORIZED", app.donate("u1.forged", "330000", runData).errorCode());
        assertEquals("INVALID_REQUEST", app.donate(token, "999999", runData).errorCode());
        assertEquals("INVALID_REQUEST", app.donate(token, "33000", runData).errorCode());
        assertEquals("INVALID_REQUEST", app.call("POST", "/v1/donations", object().put("regionCode", "330000"), token).errorCode());
        assertEquals("INVALID_REQUEST", app.send("POST", "/v1/donations", "{\"regionCode\":", token).errorCode());
        assertEquals("INVALID_REQUEST", app.send("POST", "/v1/donations", null, token).errorCode());

        assertEquals("BELOW_THRESHOLD", app.donate("kim", token, "330000", 7_799).errorCode());
        Answer implausible = app.donate("kim", token, "330000", 98_801);
        assertEquals(422, implausible.status());
        assertEquals("IMPLAUSIBLE_STEPS", implausible.errorCode());

        app.logIn("leo");
        MiniProgram.RunData leosData = app.weRun("leo", 20_000);
        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000", leosData).errorCode(), "another user's run data");

        byte[] tampered = Base64.getDecoder().decode(runData.encryptedData());
        tampered[3] ^= 0x01;
        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000",
                new MiniProgram.RunData(Base64.getEncoder().encodeToString(tampered), runData.iv())).errorCode());
        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000", new MiniProgram.RunData("bm90IHJ1biBkYXRh", runData.iv())).errorCode());

        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000", foreignAppRunData("kim")).errorCode(), "another mini-program's data");

        MiniProgram.RunData old = app.weRun("kim", 9_000);
        app.clockAt("2019-06-26T09:11:00+08:00");
        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000", old).errorCode(), "a watermark older than allowed");

        app.clockAt("2019-06-26T23:58:00+08:00");
        String lateToken = app.logIn("kim");
        MiniProgram.RunData yesterdays = app.weRun("kim", 9_000);
        app.clockAt("2019-06-27T00:01:00+08:00");
        assertEquals("INVALID_RUN_DATA", app.donate(lateToken, "330000", yesterdays).errorCode(), "no entry for today");

        assertEquals(0, ledgerSize(), "a refused donation writes nothing");
    }

    @Test
    void outsideTheWindowDonationsAreRefused() {
        app.clockAt("2019-06-25T05:59:00+08:00");
        String token = app.logIn("mia");
        Answer early = app.donate("mia", token, "330000", 9_000);
        assertEquals(409, early.status());
        assertEquals("CAMPAIGN_NOT_STARTED", early.errorCode());
        app.clockAt("2019-07-08T18:00:00+08:00");
        token = app.logIn("mia");
        assertEquals("CAMPAIGN_ENDED", app.donate("mia", token, "330000", 9_000).errorCode());
        assertEquals(0, ledgerSize());
    }

    @Test
    void aFreshLoginCodeInTheDonationReplacesTheSessionKey() {
        String token = app.logIn("nina");
        String freshCode = app.wxLogin("nina");
        MiniProgram.RunData newKeyData = app.weRun("nina", 11_000);
        assertEquals("INVALID_RUN_DATA", app.donate(token, "330000", newKeyData).errorCode(), "the server still has the old key");
        JsonNode withCode = object().put("regionCode", "330000").put("encryptedData", newKeyData.encryptedData())
                .put("iv", newKeyData.iv()).put("code", freshCode);
        require(app.call("POST", "/v1/donations", withCode, token), 201);
    }

    @Test
    void aLoginCodeOfAnotherUserIsRefusedAndWritesNothing() {
        String token = app.logIn("oscar");
        MiniProgram.RunData runData = app.weRun("oscar", 11_000);
        JsonNode body = object().put("regionCode", "330000").put("encryptedData", runData.encryptedData())
                .put("iv", runData.iv()).put("code", app.wxLogin("pat"));
        assertEquals("UNAUTHORIZED", app.call("POST", "/v1/donations", body, token).errorCode());
        assertEquals(0, ledgerSize());
    }

    @Test
    void theLeaderboardAnswersInTheContractsShapeWithoutAToken() {
        JsonNode board = require(app.leaderboard(), 200).body();
        assertTrue(board.has("asOf"));
        assertEquals("2019", board.get("campaign").get("id").asText());
        JsonNode first = board.get("regions").get(0);
        for (String field : new String[] {"code", "name", "steps", "rank"}) {
            assertTrue(first.has(field), field);
        }
        JsonNode aided = board.get("aided").get(0);
        for (String field : new String[] {"code", "name", "helperCode", "steps", "target", "progress", "projectGenerated", "generatedAt"}) {
            assertTrue(aided.has(field), field);
        }
        assertTrue(board.get("topDonors").isArray());
    }

    /** Run data encrypted with the user's real session key, but issued to another mini-program. */
    private MiniProgram.RunData foreignAppRunData(String openId) {
        byte[] key = Base64.getDecoder().decode(stack.weChat().sessionKey(openId).orElseThrow());
        long midnight = java.time.LocalDate.of(2019, 6, 26).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond();
        long now = stack.clock().instant().getEpochSecond();
        String plain = "{\"stepInfoList\":[{\"timestamp\":" + midnight + ",\"step\":9000}],"
                + "\"watermark\":{\"timestamp\":" + now + ",\"appid\":\"wx-someone-else\"}}";
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        return new MiniProgram.RunData(RunDataCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), key, iv),
                Base64.getEncoder().encodeToString(iv));
    }
}
