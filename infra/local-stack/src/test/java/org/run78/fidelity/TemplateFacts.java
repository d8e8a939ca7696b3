package org.run78.fidelity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.run78.local.CloudFormationYaml;
import org.run78.local.ProjectTemplate;
import org.run78.local.SamTemplate;
import org.run78.local.ServerlessFunction;

/** template.yaml as the fidelity tests read it: its functions (Globals merged) and its raw resources. */
final class TemplateFacts {
    static final Path TEMPLATE = ProjectTemplate.find();
    static final Path ROOT = TEMPLATE.getParent();

    private TemplateFacts() {}

    static SamTemplate template() {
        return SamTemplate.load(TEMPLATE);
    }

    static List<ServerlessFunction> functions() {
        return template().functions();
    }

    static ServerlessFunction function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + logicalId + " in template.yaml"));
    }

    /** Every resource of the template by logical id: its Type and its Properties, intrinsics in long form. */
    static Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(CloudFormationYaml.read(TEMPLATE).get("Resources")).forEach((id, body) -> resources.put(id, map(body)));
        return resources;
    }

    static String type(String logicalId) {
        Map<String, Object> resource = resources().get(logicalId);
        return resource == null ? null : String.valueOf(resource.get("Type"));
    }

    /** A resource a function's environment names only if it uses it, as its policy may grant on it then. */
    static boolean isTableQueueOrTopic(String logicalId) {
        return logicalId != null && List.of("AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic").contains(String.valueOf(type(logicalId)));
    }

    static Map<String, Object> properties(String logicalId) {
        return map(resources().get(logicalId).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    /** The logical id an intrinsic names: {"Ref": X}, {"Fn::GetAtt": [X, ...]}, {"Fn::Sub": "${X.Arn}/..."}. */
    static String referencedId(Object value) {
        Map<String, Object> m = map(value);
        if (m.containsKey("Ref")) {
            return String.valueOf(m.get("Ref"));
        }
        if (m.containsKey("Fn::GetAtt")) {
            return String.valueOf(list(m.get("Fn::GetAtt")).get(0));
        }
        if (m.containsKey("Fn::Sub")) {
            Object text = m.get("Fn::Sub") instanceof List<?> l ? l.get(0) : m.get("Fn::Sub");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]").matcher(String.valueOf(text));
            return name.find() ? name.group(1) : null;
        }
        return null;
    }
}
