package org.run78.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.run78.app.Json;

/** API Gateway HTTP API (payload format 2.0) events, as Lambda hands them to a function, and the function's answer. */
public final class HttpApiV2Events {
    public record Result(int statusCode, Map<String, String> headers, JsonNode body) {
        public String code() {
            return body.has("error") ? body.get("error").get("code").asText() : null;
        }
    }

    private HttpApiV2Events() {}

    /** The event of `METHOD routePath` for rawPath, with an optional bearer and JSON body (base64-encoded if asked). */
    public static ObjectNode event(String method, String routePath, String rawPath, Map<String, String> pathParameters,
                            String bearer, String body, boolean base64) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", method + " " + routePath);
        e.put("rawPath", rawPath);
        e.put("rawQueryString", "");
        ObjectNode headers = e.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("host", "abc123.execute-api.cn-north-1.amazonaws.com.cn");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        ObjectNode context = e.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        context.put("requestId", "req-" + System.nanoTime());
        context.put("routeKey", method + " " + routePath);
        context.put("stage", "$default");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        if (!pathParameters.isEmpty()) {
            ObjectNode params = e.putObject("pathParameters");
            pathParameters.forEach(params::put);
        }
        if (body != null) {
            e.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        }
        e.put("isBase64Encoded", body != null && base64);
        return e;
    }

    public static Result invoke(RequestStreamHandler handler, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out, null);
            JsonNode response = Json.parse(out.toString(StandardCharsets.UTF_8));
            Map<String, String> headers = Json.MAPPER.convertValue(response.get("headers"),
                    Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            return new Result(response.get("statusCode").asInt(), headers, Json.parse(response.get("body").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
