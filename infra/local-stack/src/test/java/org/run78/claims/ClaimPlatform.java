package org.run78.claims;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.local.LocalStack;
import org.run78.testing.MiniProgram;

/** The claim platform, the operators' tools and the mini-program, as HTTP clients of the local stack. */
final class ClaimPlatform {
    record Answer(int status, JsonNode body, String text) {
        String code() {
            return body == null || !body.has("error") ? null : body.get("error").get("code").asText();
        }
    }

    private final LocalStack stack;
    private final MiniProgram http;

    ClaimPlatform(LocalStack stack) {
        this.stack = stack;
        this.http = new MiniProgram(stack);
    }

    String adminToken() {
        return stack.adminToken();
    }

    void clockAt(String offsetDateTime) {
        http.clockAt(offsetDateTime);
    }

    OffsetDateTime now() {
        return OffsetDateTime.parse(require(send("GET", "/_local/clock", null, null), 200).body().get("now").asText());
    }

    /** POST /v1/admin/companies: the new company's credential. */
    String register(String companyCode, String name) {
        Answer a = require(send("POST", "/v1/admin/companies",
                "{\"companyCode\":\"" + companyCode + "\",\"name\":\"" + name + "\"}", adminToken()), 201);
        return a.body().get("credential").asText();
    }

    Answer claim(String credential, String body) {
        return send("POST", "/v1/claims", body, credential);
    }

    Answer report(String credential, String regionCode, String body) {
        return send("POST", "/v1/projects/" + regionCode + "/reports", body, credential);
    }

    Answer projects() {
        return send("GET", "/v1/projects", null, null);
    }

    Answer adminClaims(String token) {
        return send("GET", "/v1/admin/claims", null, token);
    }

    /** A user of the mini-program logged in: wx.login through the simulator, then POST /v1/sessions. */
    String userToken(String openId) {
        return http.logIn(openId);
    }

    /** An aided region's project in GET /v1/projects. */
    JsonNode project(String regionCode) {
        for (JsonNode p : require(projects(), 200).body().get("projects")) {
            if (p.get("regionCode").asText().equals(regionCode)) {
                return p;
            }
        }
        throw new AssertionError("no project for " + regionCode);
    }

    Answer send(String method, String path, String body, String bearer) {
        MiniProgram.Answer answer = http.send(method, path, body, bearer);
        return new Answer(answer.status(), answer.body(), answer.text());
    }

    static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
