package org.run78.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An AWS::Serverless::Function of the template, Globals merged, intrinsics not yet resolved. */
public record ServerlessFunction(String logicalId, Map<String, Object> properties) {

    public String handlerClassName() {
        Object handler = properties.get("Handler");
        if (!(handler instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(logicalId + " has no Handler");
        }
        int separator = text.indexOf("::");
        return separator < 0 ? text : text.substring(0, separator);
    }

    public Map<String, Object> environmentVariables() {
        return Maps.of(Maps.of(properties.get("Environment"), logicalId + ".Environment").get("Variables"),
                logicalId + ".Environment.Variables");
    }

    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        Maps.of(properties.get("Events"), logicalId + ".Events").forEach((name, body) -> {
            Map<String, Object> event = Maps.of(body, logicalId + ".Events." + name);
            events.add(new Event(name, String.valueOf(event.get("Type")),
                    Maps.of(event.get("Properties"), logicalId + ".Events." + name + ".Properties")));
        });
        return events;
    }

    public record Event(String name, String type, Map<String, Object> properties) {
    }
}
