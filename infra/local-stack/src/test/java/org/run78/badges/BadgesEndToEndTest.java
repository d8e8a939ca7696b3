package org.run78.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.testing.MiniProgram;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Badges over HTTP, end to end: donations on simulated days through POST /v1/donations, the
 * events fanned out by DonationTopic to BadgeQueue, the badges function run by the local
 * stack's poller, and the result read with GET /v1/me. Nothing here is skipped: if the
 * fan-out leaves template.yaml, no badge is awarded on this path and these tests fail.
 */
class BadgesEndToEndTest {
    LocalStack stack;
    MiniProgram app;

    @BeforeEach
    void cleanStack() {
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
    }

    /** Donates 12,000 steps at 09:00 Shanghai time on each day, logging in each morning as the app would. */
    void donateOn(String openId, List<LocalDate> days) {
        for (LocalDate day : days) {
            app.clockAt(day + "T09:00:00+08:00");
            MiniProgram.require(app.donate(openId, app.logIn(openId), "620000", 12_000), 201);
        }
    }

    static List<LocalDate> days(String first, int count) {
        List<LocalDate> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(LocalDate.parse(first).plusDays(i));
        }
        return list;
    }

    /** Every event on BadgeQueue handled: none waiting, none in flight. */
    void awaitBadgeQueueDrained() {
        try (SqsClient sqs = AwsClients.sqs(stack.motoEndpoint())) {
            String url = stack.resources().queue("BadgeQueue").url();
            Eventually.await("BadgeQueue drained", () -> {
                Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            });
        }
    }

    static List<String> badgeIds(JsonNode me) {
        List<String> ids = new ArrayList<>();
        me.get("badges").forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }

    @Test
    void aUserDonatingOnTenConsecutiveDaysSeesAllThreeBadges() {
        String openId = "openid-ten-days";
        donateOn(openId, days("2019-06-25", 10));
        String token = app.logIn(openId);
        JsonNode me = Eventually.value("three badges on GET /v1/me", () -> {
            JsonNode page = app.me(token).body();
            return page.get("badges").size() == 3 ? page : null;
        });
        assertEquals(List.of("first-donation", "five-donations", "ten-day-streak"), badgeIds(me));
        assertEquals(OffsetDateTime.parse("2019-06-25T09:00:00+08:00").toLocalDate(),
                OffsetDateTime.parse(me.get("badges").get(0).get("awardedAt").asText()).toLocalDate());
        assertEquals(LocalDate.parse("2019-06-29"),
                OffsetDateTime.parse(me.get("badges").get(1).get("awardedAt").asText()).toLocalDate());
        assertEquals(LocalDate.parse("2019-07-04"),
                OffsetDateTime.parse(me.get("badges").get(2).get("awardedAt").asText()).toLocalDate());
        assertEquals(10, me.get("currentStreak").asInt());
        assertEquals(10, me.get("longestStreak").asInt());
        assertEquals(10, me.get("donations").asInt());
        assertEquals(120_000, me.get("totalSteps").asLong());
    }

    @Test
    void aUserWhoSkipsADayDoesNotGetTheStreakBadge() {
        String openId = "openid-skips-a-day";
        List<LocalDate> withGap = new ArrayList<>(days("2019-06-25", 5)); // 25 to 29 June
        withGap.addAll(days("2019-07-01", 6));                             // 1 to 6 July; 30 June skipped
        donateOn(openId, withGap);
        awaitBadgeQueueDrained();
        JsonNode me = app.me(app.logIn(openId)).body();
        assertEquals(List.of("first-donation", "five-donations"), badgeIds(me));
        assertEquals(11, me.get("donations").asInt());
        assertEquals(6, me.get("longestStreak").asInt());
        assertTrue(me.get("currentStreak").asInt() == 6);
    }
}
