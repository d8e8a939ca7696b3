package org.run78.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed template: its sections, and its functions with the SAM Globals already merged in. */
public final class SamTemplate {
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    public static SamTemplate load(Path file) {
        return new SamTemplate(CloudFormationYaml.read(file));
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.parse(yaml));
    }

    public Map<String, Map<String, Object>> parameters() {
        return section("Parameters");
    }

    public Map<String, Object> conditions() {
        return Maps.of(document.get("Conditions"), "Conditions");
    }

    public Map<String, Object> mappings() {
        return Maps.of(document.get("Mappings"), "Mappings");
    }

    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").forEach((id, body) -> resources.put(id, new Resource(id,
                String.valueOf(body.get("Type")), Maps.of(body.get("Properties"), id + ".Properties"),
                dependsOn(body.get("DependsOn")))));
        return resources;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<ServerlessFunction> functions() {
        Map<String, Object> globals = Maps.of(Maps.of(document.get("Globals"), "Globals").get("Function"),
                "Globals.Function");
        List<ServerlessFunction> functions = new ArrayList<>();
        for (Resource r : resourcesOfType(SERVERLESS_FUNCTION)) {
            functions.add(new ServerlessFunction(r.logicalId(), SamGlobals.merge(globals, r.properties())));
        }
        return functions;
    }

    private Map<String, Map<String, Object>> section(String name) {
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        Maps.of(document.get(name), name).forEach((key, value) -> section.put(key, Maps.of(value, name + "." + key)));
        return section;
    }

    private static List<String> dependsOn(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    public record Resource(String logicalId, String type, Map<String, Object> properties, List<String> dependsOn) {
    }
}
