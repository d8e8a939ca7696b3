package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {
    private final HttpRoutes routes = new HttpRoutes(List.of(
            new HttpRoute("GET", "/v1/projects/{regionCode}", "ProjectFn"),
            new HttpRoute("GET", "/v1/projects/special", "SpecialFn"),
            new HttpRoute("POST", "/v1/projects/{regionCode}/reports", "ReportFn"),
            new HttpRoute("ANY", "/v1/projects/{regionCode}/{proxy+}", "ProxyFn"),
            new HttpRoute("ANY", "/v1/things", "AnyThingFn"),
            new HttpRoute("DELETE", "/v1/things", "DeleteThingFn"),
            new HttpRoute("ANY", "/", "RootFn")));

    private String target(String method, String path) {
        return routes.find(method, path).map(m -> m.route().functionName()).orElse("none");
    }

    @Test
    void a_literal_segment_beats_a_path_parameter() {
        assertEquals("SpecialFn", target("GET", "/v1/projects/special"));
        assertEquals("ProjectFn", target("GET", "/v1/projects/620000"));
    }

    @Test
    void a_path_parameter_beats_a_greedy_one_and_greedy_takes_the_rest_of_the_path() {
        assertEquals("ReportFn", target("POST", "/v1/projects/620000/reports"));
        HttpRoutes.Match proxied = routes.find("GET", "/v1/projects/620000/a/b").orElseThrow();
        assertEquals("ProxyFn", proxied.route().functionName());
        assertEquals(Map.of("regionCode", "620000", "proxy", "a/b"), proxied.pathParameters());
        assertEquals("ProxyFn", target("GET", "/v1/projects/620000/reports"), "GET is not the POST route");
    }

    @Test
    void a_method_beats_any_and_any_takes_every_other_method() {
        assertEquals("DeleteThingFn", target("DELETE", "/v1/things"));
        assertEquals("AnyThingFn", target("PATCH", "/v1/things"));
    }

    @Test
    void path_parameters_come_decoded() {
        assertEquals(Map.of("regionCode", "a b+c"),
                routes.find("GET", "/v1/projects/a%20b+c").orElseThrow().pathParameters());
    }

    @Test
    void no_route_matches_a_wrong_method_a_longer_path_or_a_trailing_slash() {
        assertEquals("none", target("POST", "/v1/projects/620000"));
        assertEquals("none", target("GET", "/v1/unknown"));
        assertEquals("none", target("GET", "/v1/things/extra"));
        assertEquals("none", target("GET", "/v1/projects/"));
        assertEquals("RootFn", target("GET", "/"));
    }

    @Test
    void the_default_route_takes_what_nothing_else_takes() {
        HttpRoutes withDefault = new HttpRoutes(List.of(
                new HttpRoute("GET", "/a", "A"), new HttpRoute("ANY", HttpRoute.DEFAULT_ROUTE, "Fallback")));
        assertEquals("A", withDefault.find("GET", "/a").orElseThrow().route().functionName());
        HttpRoutes.Match fallback = withDefault.find("POST", "/anything/else").orElseThrow();
        assertEquals("Fallback", fallback.route().functionName());
        assertEquals("$default", fallback.route().routeKey());
    }

    @Test
    void a_greedy_segment_must_be_the_last() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new HttpRoute("GET", "/{proxy+}/x", "F"))
                .getMessage().contains("last"));
    }
}
