package org.run78.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Json;
import org.run78.domain.donation.Donation;
import org.run78.domain.profile.DisplayName;
import org.run78.domain.session.UserIds;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.testing.MiniProgram;

import software.amazon.awssdk.services.sqs.SqsClient;

/** GET and PUT /v1/me over HTTP through the local stack, on template.yaml's routes, tables and queues. */
class MePageOverHttpTest {
    LocalStack stack;
    MiniProgram app;

    @BeforeEach
    void cleanStack() {
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
        app.clockAt("2019-06-26T09:00:00+08:00");
    }

    /** PUT /v1/me with a raw body (some tests send bodies that are not valid JSON). */
    MiniProgram.Answer rename(String token, String rawBody) {
        return app.send("PUT", "/v1/me", rawBody, token);
    }

    static List<String> badgeIds(JsonNode me) {
        List<String> ids = new ArrayList<>();
        me.get("badges").forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }

    @Test
    void aNewUsersPageHasTheContractsShapeWithZerosAndTheDefaultName() {
        String token = app.logIn("openid-new-user");
        JsonNode me = MiniProgram.require(app.me(token), 200).body();
        assertEquals(0, me.get("totalSteps").asLong());
        assertEquals(0, me.get("donations").asInt());
        assertEquals(0, me.get("currentStreak").asInt());
        assertEquals(0, me.get("longestStreak").asInt());
        assertTrue(me.get("badges").isArray() && me.get("badges").isEmpty());
        assertEquals("2019-06-26", me.get("today").get("day").asText());
        assertFalse(me.get("today").get("donated").asBoolean());
        assertTrue(me.get("today").has("regionCode") && me.get("today").get("regionCode").isNull());
        assertEquals(DisplayName.DEFAULT, me.get("displayName").asText());
    }

    @Test
    void aDonationShowsOnThePageAtOnceWithTodaysRegionAndNeverTheSessionKey() {
        String openId = "openid-donor-today";
        String token = app.logIn(openId);
        MiniProgram.require(app.donate(openId, token, "330000", 12_345), 201);
        MiniProgram.Answer answer = MiniProgram.require(app.me(token), 200);
        JsonNode me = answer.body();
        assertEquals(12_345, me.get("totalSteps").asLong());
        assertEquals(1, me.get("donations").asInt());
        assertEquals(1, me.get("currentStreak").asInt());
        assertTrue(me.get("today").get("donated").asBoolean());
        assertEquals("330000", me.get("today").get("regionCode").asText());
        String sessionKey = stack.weChat().sessionKey(openId).orElseThrow();
        assertFalse(answer.text().contains(sessionKey));
        assertFalse(answer.text().contains("sessionKey"));
        assertFalse(answer.text().contains(openId));
    }

    @Test
    void theStreakStaysCurrentThroughADayNotYetDonatedAndIsBrokenByAMissedDay() {
        String openId = "openid-streaker";
        for (String day : List.of("2019-06-26", "2019-06-27")) {
            app.clockAt(day + "T09:00:00+08:00");
            MiniProgram.require(app.donate(openId, app.logIn(openId), "110000", 9_000), 201);
        }
        app.clockAt("2019-06-28T23:59:00+08:00"); // not donated yet on the 28th
        JsonNode stillCurrent = app.me(app.logIn(openId)).body();
        assertEquals(2, stillCurrent.get("currentStreak").asInt());
        app.clockAt("2019-06-29T00:01:00+08:00"); // the 28th was missed
        JsonNode broken = app.me(app.logIn(openId)).body();
        assertEquals(0, broken.get("currentStreak").asInt());
        assertEquals(2, broken.get("longestStreak").asInt());
    }

    @Test
    void putMeSetsTheTrimmedNameAndTheDoubleDayCountsTwiceOnThePage() {
        String openId = "openid-namer";
        app.clockAt("2019-07-08T10:00:00+08:00");
        String token = app.logIn(openId);
        MiniProgram.require(app.donate(openId, token, "620000", 10_000), 201);
        JsonNode renamed = MiniProgram.require(rename(token, "{\"displayName\":\"  小明跑步  \"}"), 200).body();
        assertEquals("小明跑步", renamed.get("displayName").asText());
        assertEquals(20_000, renamed.get("totalSteps").asLong());
        assertEquals("小明跑步", app.me(token).body().get("displayName").asText());
    }

    @Test
    void anInvalidNameIsA400AndChangesNothing() {
        String token = app.logIn("openid-bad-names");
        MiniProgram.require(rename(token, "{\"displayName\":\"爱心\"}"), 200);
        for (String body : List.of(
                "{\"displayName\":\"" + "爱".repeat(21) + "\"}",
                "{\"displayName\":\"   \"}",
                "{\"displayName\":\"\"}",
                "{\"displayName\":\"a\\u0000b\"}",
                "{\"displayName\":\"line\\nbreak\"}",
                "{\"displayName\":42}",
                "{}",
                "not json")) {
            MiniProgram.Answer answer = rename(token, body);
            assertEquals(400, answer.status(), body + " -> " + answer.text());
            assertEquals("INVALID_REQUEST", answer.body().get("error").get("code").asText(), body);
        }
        assertEquals("爱心", app.me(token).body().get("displayName").asText());
    }

    @Test
    void withoutAValidTokenBothCallsAre401() {
        for (MiniProgram.Answer answer : List.of(app.me(null), app.me("forged.token"),
                rename(null, "{\"displayName\":\"小明\"}"), rename("forged.token", "{\"displayName\":\"小明\"}"))) {
            assertEquals(401, answer.status(), answer.text());
            assertEquals("UNAUTHORIZED", answer.body().get("error").get("code").asText());
        }
    }

    @Test
    void aDonationEventOnTheBadgeQueueIsEvaluatedByTheBadgesFunctionAndShowsOnThePage() {
        // What DonationTopic delivers to BadgeQueue (raw message delivery): the donation JSON the donate path publishes,
        // sent here straight to the queue, twice, to see a duplicate evaluated once.
        String openId = "openid-badge-queue";
        String token = app.logIn(openId);
        JsonNode donated = MiniProgram.require(app.donate(openId, token, "620000", 15_000), 201).body();
        Donation donation = new Donation(donated.get("donationId").asText(), UserIds.fromOpenId(openId),
                LocalDate.parse(donated.get("day").asText()), donated.get("regionCode").asText(),
                donated.get("steps").asInt(), donated.get("countedSteps").asLong(), Instant.parse(donated.get("donatedAt").asText()));
        try (SqsClient sqs = AwsClients.sqs(stack.motoEndpoint())) {
            String badgeQueue = stack.resources().queue("BadgeQueue").url();
            sqs.sendMessage(b -> b.queueUrl(badgeQueue).messageBody(Json.write(donation)));
            sqs.sendMessage(b -> b.queueUrl(badgeQueue).messageBody(Json.write(donation))); // a duplicate
        }
        JsonNode me = Eventually.value("the first-donation badge on GET /v1/me", () -> {
            JsonNode page = app.me(token).body();
            return badgeIds(page).contains("first-donation") ? page : null;
        });
        assertEquals(List.of("first-donation"), badgeIds(me));
        JsonNode badge = me.get("badges").get(0);
        assertEquals(donation.donatedAt(), java.time.OffsetDateTime.parse(badge.get("awardedAt").asText()).toInstant());
        assertTrue(badge.get("awardedAt").asText().endsWith("+08:00"));
        assertEquals("保险扶贫公益捐赠达人·首次捐步", badge.get("name").asText());
    }

    @Test
    void theTopDonorsShowTheChosenNameOrTheNeutralDefaultNeverAnOpenid() {
        String named = "openid-named-top-donor";
        String unnamed = "openid-unnamed-top-donor";
        String namedToken = app.logIn(named);
        MiniProgram.require(rename(namedToken, "{\"displayName\":\"小明\"}"), 200);
        MiniProgram.require(app.donate(named, namedToken, "620000", 30_000), 201);
        MiniProgram.require(app.donate(unnamed, app.logIn(unnamed), "620000", 20_000), 201);
        JsonNode top = Eventually.value("both donors in the leaderboard's top donors", () -> {
            JsonNode donors = app.leaderboard().body().get("topDonors");
            return donors != null && donors.size() == 2 ? donors : null;
        });
        assertEquals("小明", top.get(0).get("displayName").asText());
        assertEquals(30_000, top.get(0).get("steps").asLong());
        assertEquals(DisplayName.DEFAULT, top.get(1).get("displayName").asText());
        String text = top.toString();
        assertFalse(text.contains(named) || text.contains(unnamed));
    }
    @Test
    void aNameChosenAfterTheLastDonationReachesTheTopDonorsWhenTheSweepRebuildsTheSnapshot() {
        String openId = "openid-renamed-after-donating";
        String token = app.logIn(openId);
        MiniProgram.require(app.donate(openId, token, "620000", 30_000), 201);
        Eventually.await("the donor in the top donors under the default name", () -> {
            JsonNode donors = app.leaderboard().body().get("topDonors");
            return donors != null && donors.size() == 1 && DisplayName.DEFAULT.equals(donors.get(0).get("displayName").asText());
        });
        MiniProgram.require(rename(token, "{\"displayName\":\"改名的小明\"}"), 200);
        // no donation follows to rebuild the snapshot; the sweeper's schedule (every 2 minutes) does
        Instant pastTheNextSweep = stack.clock().instant().plus(Duration.ofMinutes(2).plusSeconds(5));
        app.clockAt(pastTheNextSweep.atOffset(ZoneOffset.ofHours(8)).toString());
        stack.scheduler().runDue(); // returns once the sweep has run, here or on the background ticker
        // well inside the next 2 minutes: only the leaderboard's snapshot cache (a second) stands between
        Eventually.await("the new name in the top donors", Duration.ofSeconds(10), () -> {
            JsonNode donors = app.leaderboard().body().get("topDonors");
            return donors.size() == 1 && "改名的小明".equals(donors.get(0).get("displayName").asText());
        });
        assertEquals(30_000, app.leaderboard().body().get("topDonors").get(0).get("steps").asLong());
    }
}
