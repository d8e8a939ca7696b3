package org.run78.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.run78.app.Json;

/**
 * The simulator's HTTP face under /_local/wechat: the two calls the mini-program would make
 * (login, werun) and the one the backend makes (sns/jscode2session, which WECHAT_API_BASE points at).
 */
final class WeChatEndpoints implements LocalEndpoint {
    static final String PREFIX = "/_local/wechat";

    private final WeChatSimulator weChat;

    WeChatEndpoints(WeChatSimulator weChat) {
        this.weChat = weChat;
    }

    @Override
    public HttpAnswer answer(HttpRequestData request) {
        String path = request.rawPath().substring(PREFIX.length());
        try {
            switch (path) {
                case "/login":
                    return post(request) ? login(request) : methodNotAllowed(request);
                case "/werun":
                    return post(request) ? runData(request) : methodNotAllowed(request);
                case "/sns/jscode2session":
                    return request.method().equals("GET") ? codeToSession(request) : methodNotAllowed(request);
                default:
                    return HttpAnswer.error(404, "NOT_FOUND", "no WeChat simulator call " + path);
            }
        } catch (IllegalArgumentException e) {
            return HttpAnswer.error(400, "INVALID_REQUEST", e.getMessage());
        }
    }

    private HttpAnswer login(HttpRequestData request) {
        String openId = JsonBodies.requiredText(JsonBodies.object(request), "openId");
        return HttpAnswer.json(200, Json.MAPPER.createObjectNode().put("code", weChat.login(openId)).toString());
    }

    private HttpAnswer runData(HttpRequestData request) {
        JsonNode body = JsonBodies.object(request);
        String openId = JsonBodies.requiredText(body, "openId");
        JsonNode steps = body.get("steps");
        if (steps == null || !steps.isIntegralNumber() || !steps.canConvertToLong() || steps.asLong() < 0) {
            throw new IllegalArgumentException("steps is required and must be a non-negative integer");
        }
        LocalDate day = null;
        JsonNode dayNode = body.get("day");
        if (dayNode != null && !dayNode.isNull()) {
            if (!dayNode.isTextual()) {
                throw new IllegalArgumentException("day must be a YYYY-MM-DD string");
            }
            try {
                day = LocalDate.parse(dayNode.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("day must be a YYYY-MM-DD date, got " + dayNode.asText());
            }
        }
        WeChatSimulator.EncryptedRunData data = weChat.runData(openId, steps.asLong(), day == null ? weChat.today() : day);
        return HttpAnswer.json(200, Json.MAPPER.createObjectNode()
                .put("encryptedData", data.encryptedData()).put("iv", data.iv()).toString());
    }

    private HttpAnswer codeToSession(HttpRequestData request) {
        Map<String, String> query = new HashMap<>();
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String reply = weChat.codeToSession(query.get("appid"), query.get("secret"), query.get("js_code")).toString();
        HttpAnswer answer = HttpAnswer.json(200, reply);
        answer.headers().put("content-type", new ArrayList<>(List.of("text/plain"))); // what WeChat really sends
        return answer;
    }

    private static boolean post(HttpRequestData request) {
        return request.method().equals("POST");
    }

    private static HttpAnswer methodNotAllowed(HttpRequestData request) {
        return HttpAnswer.error(405, "METHOD_NOT_ALLOWED", request.method() + " is not allowed on " + request.rawPath());
    }
}
