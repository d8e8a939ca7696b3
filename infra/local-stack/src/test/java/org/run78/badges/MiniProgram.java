package org.run78.badges;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.run78.app.Json;
import org.run78.local.LocalStack;

/** What the WeChat mini-program does against the local stack: log in, fetch run data, donate, read its page. */
final class MiniProgram {
    record Answer(int status, JsonNode body, String text) {}

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MiniProgram(LocalStack stack) {
        this.stack = stack;
    }

    /** Sets the simulated clock, e.g. "2019-06-25T09:00:00+08:00". */
    void clockAt(String offsetDateTime) {
        Answer a = call("PUT", "/_local/clock", object().put("now", offsetDateTime), null);
        require(a, 200);
    }

    /** wx.login, then POST /v1/sessions: the user's token. */
    String logIn(String openId) {
        String code = require(call("POST", "/_local/wechat/login", object().put("openId", openId), null), 200).body().get("code").asText();
        return require(call("POST", "/v1/sessions", object().put("code", code), null), 200).body().get("token").asText();
    }

    /** wx.getWeRunData for today, then POST /v1/donations. */
    Answer donate(String openId, String token, String regionCode, long steps) {
        JsonNode runData = require(call("POST", "/_local/wechat/werun", object().put("openId", openId).put("steps", steps), null), 200).body();
        return call("POST", "/v1/donations", object().put("regionCode", regionCode)
                .put("encryptedData", runData.get("encryptedData").asText())
                .put("iv", runData.get("iv").asText()), token);
    }

    Answer me(String token) {
        return call("GET", "/v1/me", null, token);
    }

    Answer rename(String token, String rawBody) {
        return send("PUT", "/v1/me", rawBody, token);
    }

    Answer leaderboard() {
        return call("GET", "/v1/leaderboard", null, null);
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    Answer call(String method, String path, JsonNode body, String token) {
        return send(method, path, body == null ? null : body.toString(), token);
    }

    Answer send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : Json.parse(response.body());
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
