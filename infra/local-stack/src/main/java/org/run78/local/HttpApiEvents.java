package org.run78.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.run78.app.Json;

/** The event API Gateway HTTP APIs send a Lambda integration: payload format version 2.0. */
final class HttpApiEvents {
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpApiEvents() {
    }

    static String newRequestId() {
        byte[] id = new byte[10];
        RANDOM.nextBytes(id);
        return Base64.getEncoder().encodeToString(id); // the shape of API Gateway's ids: "JKJaXmPLvHcESHA="
    }

    static ObjectNode build(HttpRequestData request, HttpRoutes.Match match, String requestId, Instant now) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());

        List<String> cookies = new ArrayList<>();
        ObjectNode headers = Json.MAPPER.createObjectNode();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                // Format 2.0 moves cookies out of the headers into their own list.
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-port", String.valueOf(request.serverPort()));
        headers.put("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            ArrayNode list = event.putArray("cookies");
            cookies.forEach(list::add);
        }
        event.set("headers", headers);

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode node = event.putObject("queryStringParameters");
            query.forEach(node::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", Intrinsics.ACCOUNT_ID);
        context.put("apiId", API_ID);
        String domain = domainName(request.header("host"));
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        String userAgent = request.header("user-agent");
        http.put("userAgent", userAgent == null ? "" : userAgent);
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        if (request.body().length > 0) {
            boolean text = isTextual(request.header("content-type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode node = event.putObject("pathParameters");
            match.pathParameters().forEach(node::put);
        }
        return event;
    }

    /** API Gateway passes text and JSON through as a string and base64-encodes everything else. */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.trim());
            }
        }
    }

    private static String domainName(String host) {
        if (host == null || host.isBlank()) {
            return "127.0.0.1";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }
}
