package org.run78.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP API route ("GET /v1/projects/{regionCode}", "ANY /{proxy+}", "$default") and its function. */
public record HttpRoute(String method, String path, String functionName) {
    public static final String DEFAULT_ROUTE = "$default";
    private static final int LITERAL = 2;
    private static final int VARIABLE = 1;
    private static final int GREEDY = 0;

    public HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
        if (!path.equals(DEFAULT_ROUTE) && !path.startsWith("/")) {
            throw new IllegalArgumentException("an HttpApi Path starts with /: " + path);
        }
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size(); i++) {
            if (kind(segments.get(i)) == GREEDY && i != segments.size() - 1) {
                throw new IllegalArgumentException("a greedy {name+} segment must be the last: " + path);
            }
        }
    }

    public String routeKey() {
        return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefault() {
        return path.equals(DEFAULT_ROUTE);
    }

    /** The path parameters when this route takes the request, with values already URL-decoded. */
    Optional<Map<String, String>> match(String requestMethod, List<String> requestSegments) {
        if (isDefault()) {
            return Optional.of(Map.of());
        }
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        List<String> mine = segments(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String segment = mine.get(i);
            int kind = kind(segment);
            if (kind == GREEDY) {
                String rest = i >= requestSegments.size() ? "" : String.join("/", requestSegments.subList(i, requestSegments.size()));
                if (rest.isEmpty()) {
                    return Optional.empty(); // {proxy+} stands for at least one character
                }
                parameters.put(name(segment), rest);
                return Optional.of(parameters);
            }
            if (i >= requestSegments.size()) {
                return Optional.empty();
            }
            String actual = requestSegments.get(i);
            if (kind == VARIABLE) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(name(segment), actual);
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return mine.size() == requestSegments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** API Gateway's preference: literal over {var} over {greedy+}, left to right; then a method over ANY. */
    int[] specificity() {
        if (isDefault()) {
            return new int[] {-1};
        }
        List<String> mine = segments(path);
        int[] rank = new int[mine.size() + 1];
        for (int i = 0; i < mine.size(); i++) {
            rank[i] = kind(mine.get(i));
        }
        rank[mine.size()] = method.equals("ANY") ? 0 : 1;
        return rank;
    }

    static List<String> segments(String path) {
        if (path.equals(DEFAULT_ROUTE) || path.equals("/")) {
            return path.equals("/") ? List.of("") : List.of();
        }
        return new ArrayList<>(Arrays.asList(path.substring(1).split("/", -1)));
    }

    private static int kind(String segment) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            return GREEDY;
        }
        if (segment.startsWith("{") && segment.endsWith("}")) {
            return VARIABLE;
        }
        return LITERAL;
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - (kind(segment) == GREEDY ? 2 : 1));
    }
}
