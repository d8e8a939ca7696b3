package org.run78.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Services;
import org.run78.handlers.DonateHandler;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.testing.CallRecorder;
import org.run78.testing.HttpApiV2Events;
import org.run78.testing.MiniProgram;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * What one donation costs in AWS calls, counted by an SDK interceptor on the donate function's
 * own clients (as Lambda builds them) against the local stack's moto: the goal is three, the
 * leaderboard in the answer included.
 */
class DonationPathCallsTest {
    LocalStack stack;
    MiniProgram app;
    Map<String, String> env;

    @BeforeEach
    void freshStack() {
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
        app.clockAt("2019-06-26T09:00:00+08:00");
        env = stack.environmentOf("DonateFunction");
    }

    @Test
    void aDonationCostsThreeCallsAndItsLeaderboardAtMostOneSnapshotReadASecondPerContainer() {
        int donors = 30;
        List<String> bodies = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < donors; i++) {
            String openId = "calls-" + i;
            tokens.add(app.logIn(openId));
            MiniProgram.RunData run = app.weRun(openId, 9_000 + i);
            bodies.add(donationBody(run, null));
        }
        CallRecorder calls = new CallRecorder();
        DonateHandler donate = donateHandler(calls);

        long started = System.nanoTime();
        for (int i = 0; i < donors; i++) {
            assertEquals(201, donate(donate, tokens.get(i), bodies.get(i)).statusCode());
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Integer> byKind = kinds(calls.requests());
        int snapshotReads = byKind.getOrDefault("GetItem " + env.get("STATE_TABLE"), 0);
        System.out.printf("donate path: %d donations in %d ms -> %d AWS calls %s: 3 per donation"
                        + " and %d leaderboard snapshot reads (%.2f calls per donation in all)%n",
                donors, elapsedMillis, calls.requests().size(), byKind, snapshotReads,
                (double) calls.requests().size() / donors);
        assertEquals(donors, byKind.get("GetItem " + env.get("USERS_TABLE")), "the session key, once each: " + byKind);
        assertEquals(donors, byKind.get("PutItem " + env.get("LEDGER_TABLE")), "the ledger write, once each: " + byKind);
        assertEquals(donors, byKind.get("Publish"), "one publish each (the SNS fan-out): " + byKind);
        // The snapshot is cached one second per container: the first donation reads it, then once a second at most.
        assertTrue(snapshotReads >= 1 && snapshotReads <= 1 + elapsedMillis / 1000, snapshotReads + " reads in " + elapsedMillis + " ms");
        assertEquals(3 * donors + snapshotReads, calls.requests().size(), "nothing else: " + byKind);
    }

    @Test
    void aFreshLoginCodeInTheDonationReplacesTheSessionKeyReadWithItsWrite() {
        String token = app.logIn("relogged");
        MiniProgram.RunData staleKeyRun = app.weRun("relogged", 12_000);
        String code = app.wxLogin("relogged"); // wx.login again: WeChat holds a new session key from now on
        MiniProgram.RunData run = app.weRun("relogged", 12_000);
        assertNotEquals(staleKeyRun.encryptedData(), run.encryptedData());
        CallRecorder calls = new CallRecorder();
        DonateHandler donate = donateHandler(calls);

        assertEquals(201, donate(donate, token, donationBody(run, code)).statusCode());

        Map<String, Integer> byKind = kinds(calls.requests());
        assertEquals(Map.of("UpdateItem " + env.get("USERS_TABLE"), 1, "PutItem " + env.get("LEDGER_TABLE"), 1,
                "Publish", 1, "GetItem " + env.get("STATE_TABLE"), 1), byKind);
    }

    @Test
    void aRefusedDonationPublishesNothing() {
        String token = app.logIn("twice");
        String body = donationBody(app.weRun("twice", 10_000), null);
        assertEquals(201, donate(donateHandler(new CallRecorder()), token, body).statusCode());
        CallRecorder calls = new CallRecorder();

        HttpApiV2Events.Result again = donate(donateHandler(calls), token, body);

        assertEquals(409, again.statusCode());
        assertEquals("ALREADY_DONATED_TODAY", again.code());
        assertEquals(Map.of("GetItem " + env.get("USERS_TABLE"), 1, "PutItem " + env.get("LEDGER_TABLE"), 1),
                kinds(calls.requests()), "the refusal is the write's condition; nothing is published or read besides");
    }

    private DonateHandler donateHandler(CallRecorder calls) {
        return new DonateHandler(Services.create(new Config(env), stack.clock(), List.of(calls)));
    }

    private static HttpApiV2Events.Result donate(DonateHandler handler, String token, String body) {
        return HttpApiV2Events.invoke(handler,
                HttpApiV2Events.event("POST", "/v1/donations", "/v1/donations", Map.of(), token, body, false));
    }

    private static String donationBody(MiniProgram.RunData run, String code) {
        var body = MiniProgram.object().put("regionCode", "330000")
                .put("encryptedData", run.encryptedData()).put("iv", run.iv());
        if (code != null) {
            body.put("code", code);
        }
        return body.toString();
    }

    /** Each call as its operation and, for DynamoDB, its table. */
    private static Map<String, Integer> kinds(List<SdkRequest> requests) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (SdkRequest r : requests) {
            String kind;
            if (r instanceof GetItemRequest g) {
                kind = "GetItem " + g.tableName();
            } else if (r instanceof PutItemRequest p) {
                kind = "PutItem " + p.tableName();
            } else if (r instanceof UpdateItemRequest u) {
                kind = "UpdateItem " + u.tableName();
            } else if (r instanceof PublishRequest) {
                kind = "Publish";
            } else {
                kind = r.getClass().getSimpleName();
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }
}
