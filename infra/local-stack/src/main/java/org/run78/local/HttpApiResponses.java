package org.run78.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.run78.app.Json;

/** Turns a function's payload format 2.0 response into the HTTP answer, as API Gateway does. */
final class HttpApiResponses {
    private HttpApiResponses() {
    }

    static HttpAnswer internalServerError() {
        return HttpAnswer.gatewayMessage(500, "Internal Server Error");
    }

    static HttpAnswer map(byte[] output, String functionName) {
        String text = new String(output, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return HttpAnswer.json(200, ""); // nothing returned: API Gateway still answers 200
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            System.out.println("[" + functionName + "] returned a response that is not JSON; API Gateway answers 500: "
                    + abbreviate(text));
            return internalServerError();
        }
        if (!response.isObject() || !response.has("statusCode")) {
            // API Gateway's "format 2.0 without statusCode" rule: 200, JSON, the output itself as the body.
            return HttpAnswer.json(200, response.isTextual() ? response.asText() : text);
        }
        int status;
        try {
            status = Integer.parseInt(response.get("statusCode").asText());
        } catch (NumberFormatException e) {
            System.out.println("[" + functionName + "] returned a statusCode that is not a number: " + response.get("statusCode"));
            return internalServerError();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode headerNode = response.path("headers");
        headerNode.fields().forEachRemaining(header ->
                headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .add(header.getValue().asText()));
        response.path("cookies").forEach(cookie ->
                headers.computeIfAbsent("set-cookie", n -> new ArrayList<>()).add(cookie.asText()));
        JsonNode bodyNode = response.get("body");
        byte[] body;
        if (bodyNode == null || bodyNode.isNull()) {
            body = new byte[0];
        } else {
            String bodyText = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            body = response.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(bodyText)
                    : bodyText.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpAnswer(status, headers, body);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
