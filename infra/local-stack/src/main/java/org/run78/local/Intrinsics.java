package org.run78.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions (long form) against the local values of the
 * parameters and the resources created on moto.
 */
public final class Intrinsics {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012"; // moto's default account
    public static final String STACK_NAME = "run78-local";

    /** What AWS::NoValue resolves to: the key or list element is dropped. */
    private static final Object NO_VALUE = new Object();

    /** Physical names and attributes of the template's resources. */
    public interface Resources {
        String ref(String logicalId);

        String attribute(String logicalId, String attribute);
    }

    private final Map<String, String> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Resources resources;

    public Intrinsics(SamTemplate template, Map<String, String> parameters, Resources resources) {
        this.parameters = Map.copyOf(parameters);
        this.conditions = template.conditions();
        this.mappings = template.mappings();
        this.resources = resources;
    }

    static boolean isIntrinsic(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
        }
        return false;
    }

    public Object resolve(Object value) {
        Object resolved = resolveOrNoValue(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    public String resolveString(Object value, String where) {
        Object resolved = resolve(value);
        if (resolved instanceof Map || resolved instanceof List) {
            throw new IllegalArgumentException(where + " must resolve to a string, got: " + resolved);
        }
        return resolved == null ? null : String.valueOf(resolved);
    }

    private Object resolveOrNoValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && isIntrinsic(map) && !map.containsKey("Condition")) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                return function(String.valueOf(only.getKey()), only.getValue());
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolveOrNoValue(v);
                if (r != NO_VALUE) {
                    resolved.put(String.valueOf(k), r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object element : list) {
                Object r = resolveOrNoValue(element);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object function(String name, Object argument) {
        switch (name) {
            case "Ref":
                return ref(String.valueOf(argument));
            case "Fn::GetAtt": {
                List<Object> parts = args(name, argument, 2);
                return resources.attribute(text(parts.get(0)), text(parts.get(1)));
            }
            case "Fn::Sub":
                return sub(argument);
            case "Fn::Join": {
                List<Object> parts = args(name, argument, 2);
                List<String> items = new ArrayList<>();
                for (Object item : Maps.list(resolve(parts.get(1)), name)) {
                    items.add(text(item));
                }
                return String.join(text(parts.get(0)), items);
            }
            case "Fn::Select": {
                List<Object> parts = args(name, argument, 2);
                List<Object> items = Maps.list(resolve(parts.get(1)), name);
                return items.get(Integer.parseInt(text(resolve(parts.get(0)))));
            }
            case "Fn::Split": {
                List<Object> parts = args(name, argument, 2);
                return List.of(text(resolve(parts.get(1))).split(Pattern.quote(text(parts.get(0))), -1));
            }
            case "Fn::If": {
                List<Object> parts = args(name, argument, 3);
                return condition(text(parts.get(0))) ? resolveOrNoValue(parts.get(1)) : resolveOrNoValue(parts.get(2));
            }
            case "Fn::FindInMap": {
                List<Object> parts = args(name, argument, 3);
                Map<String, Object> top = Maps.of(mappings.get(text(resolve(parts.get(0)))), "Mappings");
                Map<String, Object> second = Maps.of(top.get(text(resolve(parts.get(1)))), "Mappings");
                Object found = second.get(text(resolve(parts.get(2))));
                if (found == null) {
                    throw new IllegalArgumentException("Fn::FindInMap found nothing for " + parts);
                }
                return found;
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(text(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs":
                return List.of(REGION + "a", REGION + "b", REGION + "c");
            default:
                throw new IllegalArgumentException(name + " is not supported by the local stack");
        }
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NotificationARNs":
                return List.of();
            case "AWS::NoValue":
                return NO_VALUE;
            default:
                if (parameters.containsKey(name)) {
                    return parameters.get(name);
                }
                return resources.ref(name);
        }
    }

    private String sub(Object argument) {
        String template;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            List<Object> parts = args("Fn::Sub", argument, 2);
            template = text(parts.get(0));
            variables = Maps.of(parts.get(1), "Fn::Sub variables");
        } else {
            template = text(argument);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = template.indexOf("${", at);
            if (start < 0) {
                out.append(template, at, template.length());
                return out.toString();
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("Fn::Sub has an unclosed ${ in: " + template);
            }
            out.append(template, at, start);
            String name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}'); // ${!Literal} stays literal
            } else if (variables.containsKey(name)) {
                out.append(text(resolve(variables.get(name))));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                out.append(resources.attribute(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                out.append(text(ref(name)));
            }
            at = end + 1;
        }
    }

    public boolean condition(String name) {
        if (!conditions.containsKey(name)) {
            throw new IllegalArgumentException("no condition named " + name);
        }
        return truth(conditions.get(name));
    }

    private boolean truth(Object expression) {
        if (expression instanceof Boolean b) {
            return b;
        }
        Map<String, Object> map = Maps.of(expression, "condition");
        if (map.size() != 1) {
            throw new IllegalArgumentException("not a condition: " + expression);
        }
        Map.Entry<String, Object> only = map.entrySet().iterator().next();
        switch (only.getKey()) {
            case "Condition":
                return condition(text(only.getValue()));
            case "Fn::Equals": {
                List<Object> parts = args("Fn::Equals", only.getValue(), 2);
                return String.valueOf(resolve(parts.get(0))).equals(String.valueOf(resolve(parts.get(1))));
            }
            case "Fn::Not":
                return !truth(args("Fn::Not", only.getValue(), 1).get(0));
            case "Fn::And":
                return Maps.list(only.getValue(), "Fn::And").stream().allMatch(this::truth);
            case "Fn::Or":
                return Maps.list(only.getValue(), "Fn::Or").stream().anyMatch(this::truth);
            default:
                throw new IllegalArgumentException(only.getKey() + " is not a condition function");
        }
    }

    private static List<Object> args(String name, Object argument, int count) {
        List<Object> parts = Maps.list(argument, name);
        if (parts.size() != count) {
            throw new IllegalArgumentException(name + " takes " + count + " arguments, got: " + argument);
        }
        return parts;
    }

    private String text(Object value) {
        Object resolved = resolve(value);
        if (resolved == null || resolved instanceof Map || resolved instanceof List) {
            throw new IllegalArgumentException("expected a string, got: " + resolved);
        }
        return String.valueOf(resolved);
    }
}
