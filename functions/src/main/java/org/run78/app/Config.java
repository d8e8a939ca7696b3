package org.run78.app;

import java.util.Map;
import java.util.Optional;

/** The one reader of configuration: Lambda's environment, or the map a local stack or test hands in. */
public final class Config {
    private final Map<String, String> values;

    public Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Config fromSystemEnvironment() {
        return new Config(System.getenv());
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing configuration: environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }
}
