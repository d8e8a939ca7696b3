package org.run78.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.run78.app.Json;

/** Reads the JSON object a local call sends; anything else is the caller's mistake (400). */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode object(HttpRequestData request) {
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required and must be a non-empty string");
        }
        return value.asText();
    }
}
