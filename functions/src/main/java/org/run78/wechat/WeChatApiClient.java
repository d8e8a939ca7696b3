package org.run78.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.session.WeChatLogin;
import org.run78.domain.session.WeChatSession;

/** WeChat's `sns/jscode2session` (code2Session) over HTTPS. */
public final class WeChatApiClient implements WeChatLogin {
    private final HttpClient http;
    private final String baseUrl;
    private final String appId;
    private final String appSecret;

    public WeChatApiClient(HttpClient http, String baseUrl, String appId, String appSecret) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.appId = appId;
        this.appSecret = appSecret;
    }

    @Override
    public WeChatSession exchange(String code) {
        URI uri = URI.create(baseUrl + "/sns/jscode2session?appid=" + encode(appId) + "&secret=" + encode(appSecret)
                + "&js_code=" + encode(code) + "&grant_type=authorization_code");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Log.warn("wechat.unreachable", "reason", e.getClass().getSimpleName());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            Log.warn("wechat.unreadable", "status", response.statusCode());
            throw unavailable();
        }
        int errcode = body.path("errcode").asInt(0);
        if (errcode != 0) {
            throw mapError(errcode);
        }
        String openId = body.path("openid").asText("");
        String sessionKey = body.path("session_key").asText("");
        if (openId.isEmpty() || sessionKey.isEmpty()) {
            Log.warn("wechat.incomplete", "status", response.statusCode());
            throw unavailable();
        }
        return new WeChatSession(openId, sessionKey);
    }

    private static DomainException mapError(int errcode) {
        return switch (errcode) {
            case 40029, 40163 -> new DomainException(ErrorCode.WECHAT_LOGIN_FAILED,
                    "WeChat did not accept the login code (invalid or already used); call wx.login again");
            case 40226 -> new DomainException(ErrorCode.WECHAT_LOGIN_FAILED,
                    "WeChat refused the login: the account is restricted as high-risk");
            case 45011 -> new DomainException(ErrorCode.WECHAT_RATE_LIMITED,
                    "too many logins for this user; try again in a minute");
            case -1 -> unavailable();
            default -> {
                // 40013 (appid), 40125 (secret) and the like are our configuration, not the user's doing.
                Log.error("wechat.rejected_our_credentials", "errcode", errcode);
                yield new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "login is unavailable right now");
            }
        };
    }

    private static DomainException unavailable() {
        return new DomainException(ErrorCode.WECHAT_UNAVAILABLE, "WeChat is busy; try again shortly");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
