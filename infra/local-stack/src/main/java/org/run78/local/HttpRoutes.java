package org.run78.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP API's routes from the template's HttpApi events, and API Gateway's choice among them. */
public final class HttpRoutes {
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<HttpRoute> routes;

    public HttpRoutes(List<HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    static HttpRoutes from(SamTemplate template, Intrinsics intrinsics) {
        List<HttpRoute> routes = new ArrayList<>();
        for (ServerlessFunction function : template.functions()) {
            for (ServerlessFunction.Event event : function.events()) {
                if (event.type().equals("HttpApi")) {
                    Map<String, Object> p = event.properties();
                    String path = intrinsics.resolveString(p.get("Path"), function.logicalId() + " event Path");
                    String method = intrinsics.resolveString(p.get("Method"), function.logicalId() + " event Method");
                    // SAM: an HttpApi event without Path and Method is the $default route.
                    routes.add(new HttpRoute(method == null ? "ANY" : method,
                            path == null ? HttpRoute.DEFAULT_ROUTE : path, function.logicalId()));
                }
            }
        }
        return new HttpRoutes(routes);
    }

    public List<HttpRoute> all() {
        return routes;
    }

    public Optional<Match> find(String method, String rawPath) {
        List<String> segments = decodedSegments(rawPath);
        Match best = null;
        for (HttpRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, segments);
            if (parameters.isPresent() && (best == null || MORE_SPECIFIC.compare(route, best.route()) > 0)) {
                best = new Match(route, parameters.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private static final Comparator<HttpRoute> MORE_SPECIFIC = (a, b) -> Arrays.compare(a.specificity(), b.specificity());

    private static List<String> decodedSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : HttpRoute.segments(rawPath.isEmpty() ? "/" : rawPath)) {
            // URLDecoder would turn '+' into a space, which is right for queries only.
            segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return segments;
    }
}
