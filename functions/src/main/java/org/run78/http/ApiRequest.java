package org.run78.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of an API Gateway HTTP API (payload 2.0) event that the handlers use. */
public record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> pathParameters,
                         Map<String, String> query, String body, String requestId) {

    public static ApiRequest fromEvent(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        String body = event.hasNonNull("body") ? event.get("body").asText() : null;
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ApiRequest(http.path("method").asText(""), event.path("rawPath").asText(http.path("path").asText("")),
                headers, strings(event.path("pathParameters")), strings(event.path("queryStringParameters")), body,
                event.path("requestContext").path("requestId").asText(""));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The token of an `Authorization: Bearer …` header. */
    public Optional<String> bearerToken() {
        return header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
