package org.run78.http;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.domain.error.DomainException;

/** A request's JSON object body, with field readers that refuse bad input as INVALID_REQUEST. */
public final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody of(ApiRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            throw DomainException.invalid("the request needs a JSON object body");
        }
        JsonNode root;
        try {
            root = Json.parse(request.body());
        } catch (IOException e) {
            throw DomainException.invalid("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("the body must be a JSON object");
        }
        return new JsonBody(root);
    }

    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() -> DomainException.invalid(field + " is required"));
    }

    public Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw DomainException.invalid(field + " must be a string");
        }
        String text = value.asText();
        if (text.isEmpty()) {
            throw DomainException.invalid(field + " must not be empty");
        }
        if (text.length() > maxLength) {
            throw DomainException.invalid(field + " is longer than " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** A JSON integer (not 1.5, not "15"), if the field is there. */
    public Optional<Long> optionalWholeNumber(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw DomainException.invalid(field + " must be a whole number");
        }
        return Optional.of(value.asLong());
    }

    public long requiredWholeNumber(String field) {
        return optionalWholeNumber(field).orElseThrow(() -> DomainException.invalid(field + " is required"));
    }

    /** A list of strings (each at most maxLength characters), at most maxItems long; its order kept. */
    public java.util.List<String> requiredStringList(String field, int maxItems, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw DomainException.invalid(field + " is required");
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw DomainException.invalid(field + " must be a list of at most " + maxItems + " strings");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().length() > maxLength) {
                throw DomainException.invalid(field + " must be a list of strings");
            }
            items.add(item.asText());
        }
        return items;
    }

    /** A `YYYY-MM-DD` day. */
    public java.time.LocalDate requiredDay(String field) {
        String text = requiredString(field, 10);
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(field + " must be a YYYY-MM-DD day");
        }
    }
}
