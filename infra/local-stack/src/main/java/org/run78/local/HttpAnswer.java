package org.run78.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.run78.app.Json;

/** An HTTP response as the gateway sends it. */
record HttpAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    static HttpAnswer json(int status, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        return new HttpAnswer(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own answers, such as {"message":"Not Found"}. */
    static HttpAnswer gatewayMessage(int status, String message) {
        return json(status, Json.MAPPER.createObjectNode().put("message", message).toString());
    }

    static HttpAnswer error(int status, String code, String message) {
        var body = Json.MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return json(status, body.toString());
    }

    HttpAnswer withHeader(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }
}
