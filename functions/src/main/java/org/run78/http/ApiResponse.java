package org.run78.http;

import java.util.Map;

import org.run78.app.Json;

/** An API Gateway HTTP API (payload 2.0) response. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    private static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, Json.write(body), false);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }
}
