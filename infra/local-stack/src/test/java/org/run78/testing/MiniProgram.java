package org.run78.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.run78.app.Json;
import org.run78.local.LocalStack;

/** What the WeChat mini-program does against the local stack over real HTTP: log in, fetch run data, donate, read. */
public final class MiniProgram {
    public record Answer(int status, JsonNode body, String text) {
        public String errorCode() {
            return body == null ? null : body.path("error").path("code").asText(null);
        }
    }

    public record RunData(String encryptedData, String iv) {}

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MiniProgram(LocalStack stack) {
        this.stack = stack;
    }

    /** Sets the simulated clock, e.g. "2019-06-25T09:00:00+08:00". */
    public void clockAt(String offsetDateTime) {
        require(call("PUT", "/_local/clock", object().put("now", offsetDateTime), null), 200);
    }

    /** wx.login: a one-time code, and a fresh session key for that user at WeChat. */
    public String wxLogin(String openId) {
        return require(call("POST", "/_local/wechat/login", object().put("openId", openId), null), 200).body().get("code").asText();
    }

    public Answer createSession(String code) {
        return call("POST", "/v1/sessions", object().put("code", code), null);
    }

    /** wx.login, then POST /v1/sessions: the user's token. */
    public String logIn(String openId) {
        return require(createSession(wxLogin(openId)), 200).body().get("token").asText();
    }

    /** wx.getWeRunData: today's steps (per the simulated clock), encrypted with the user's current session key. */
    public RunData weRun(String openId, long steps) {
        JsonNode data = require(call("POST", "/_local/wechat/werun", object().put("openId", openId).put("steps", steps), null), 200).body();
        return new RunData(data.get("encryptedData").asText(), data.get("iv").asText());
    }

    public Answer donate(String token, String regionCode, RunData runData) {
        return call("POST", "/v1/donations", object().put("regionCode", regionCode)
                .put("encryptedData", runData.encryptedData()).put("iv", runData.iv()), token);
    }

    /** wx.getWeRunData for today, then POST /v1/donations. */
    public Answer donate(String openId, String token, String regionCode, long steps) {
        return donate(token, regionCode, weRun(openId, steps));
    }

    public Answer me(String token) {
        return call("GET", "/v1/me", null, token);
    }

    public Answer leaderboard() {
        return call("GET", "/v1/leaderboard", null, null);
    }

    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    public Answer call(String method, String path, JsonNode body, String token) {
        return send(method, path, body == null ? null : body.toString(), token);
    }

    public Answer send(String method, String path, String body, String token) {
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
            JsonNode json = null;
            if (!response.body().isEmpty() && response.headers().firstValue("content-type").orElse("").contains("json")) {
                json = Json.parse(response.body());
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
