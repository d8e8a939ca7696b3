package org.run78.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of JSON Schema that openapi.yaml uses, and no more: type (one or a list, "null" among
 * them), required, properties, items, enum, and local $ref. A schema using any other validating
 * keyword is itself a problem, so the document cannot say more than this check enforces.
 */
final class SchemaCheck {
    static final Set<String> VALIDATING = Set.of("type", "required", "properties", "items", "enum", "$ref");
    static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "deprecated");

    private final Map<String, Object> document;

    SchemaCheck(Map<String, Object> document) {
        this.document = document;
    }

    /** What is wrong with value against schema, each problem with its JSON path; empty when it conforms. */
    List<String> problems(Object schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    /** Keywords of a schema (and its subschemas) that this check would not enforce. */
    static List<String> unsupportedKeywords(Object schema, String where) {
        List<String> found = new ArrayList<>();
        Map<String, Object> s = TemplateFacts.map(schema);
        s.forEach((keyword, inner) -> {
            if (!VALIDATING.contains(keyword) && !ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
                found.add(where + ": " + keyword);
            }
        });
        TemplateFacts.map(s.get("properties")).forEach((name, inner) -> found.addAll(unsupportedKeywords(inner, where + "." + name)));
        if (s.get("items") != null) {
            found.addAll(unsupportedKeywords(s.get("items"), where + "[]"));
        }
        return found;
    }

    private void check(Object schemaValue, JsonNode value, String path, List<String> problems) {
        Map<String, Object> schema = TemplateFacts.map(schemaValue);
        if (schema.containsKey("$ref")) {
            check(resolve(String.valueOf(schema.get("$ref"))), value, path, problems);
            return;
        }
        if (schema.containsKey("type")) {
            List<Object> types = TemplateFacts.list(schema.get("type"));
            if (types.stream().noneMatch(t -> isOfType(value, String.valueOf(t)))) {
                problems.add(path + " is " + describe(value) + ", not " + types);
                return;
            }
        }
        if (schema.containsKey("enum") && !value.isNull()) {
            List<Object> allowed = TemplateFacts.list(schema.get("enum"));
            if (!allowed.contains(value.isTextual() ? value.asText() : value.numberValue())) {
                problems.add(path + " is " + value + ", not one of " + allowed);
            }
        }
        if (value.isObject()) {
            for (Object name : TemplateFacts.list(schema.get("required"))) {
                if (!value.has(String.valueOf(name))) {
                    problems.add(path + " has no " + name);
                }
            }
            TemplateFacts.map(schema.get("properties")).forEach((name, inner) -> {
                if (value.has(name)) {
                    check(inner, value.get(name), path + "." + name, problems);
                }
            });
        }
        if (value.isArray() && schema.containsKey("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private Object resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = TemplateFacts.map(node).get(part);
            if (node == null) {
                throw new IllegalArgumentException("unresolved reference " + ref);
            }
        }
        return node;
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase() + " " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
