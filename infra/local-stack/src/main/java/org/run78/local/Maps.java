package org.run78.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of the untyped maps and lists a YAML or JSON document is made of. */
final class Maps {
    private Maps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Object value, String where) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a mapping, got: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + " must be a list, got: " + value);
        }
        return (List<Object>) value;
    }
}
