package org.run78.claims;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.local.LocalStack;

/** The claim platform, the operators' tools and the mini-program, as HTTP clients of the local stack. */
final class ClaimPlatform {
    record Answer(int status, JsonNode body, String text) {
        String code() {
            return body == null || !body.has("error") ? null : body.get("error").get("code").asText();
        }
    }

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ClaimPlatform(LocalStack stack) {
        this.stack = stack;
    }

    String adminToken() {
        return stack.adminToken();
    }

    void clockAt(String offsetDateTime) {
        require(send("PUT", "/_local/clock", "{\"now\":\"" + offsetDateTime + "\"}", null), 200);
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
        String code = require(send("POST", "/_local/wechat/login", "{\"openId\":\"" + openId + "\"}", null), 200)
                .body().get("code").asText();
        return require(send("POST", "/v1/sessions", "{\"code\":\"" + code + "\"}", null), 200).body().get("token").asText();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : Json.parse(response.body());
            } catch (IOException notJson) {
                // left null: the assertion on the status shows the text
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
