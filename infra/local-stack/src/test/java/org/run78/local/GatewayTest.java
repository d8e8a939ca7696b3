package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.run78.app.Json;

class GatewayTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start("gateway.yaml");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(stack.uri(pathAndQuery));
    }

    private static JsonNode eventOf(HttpResponse<String> echoed) throws IOException {
        assertEquals(200, echoed.statusCode(), echoed.body());
        return Json.MAPPER.readTree(echoed.body());
    }

    @Test
    void the_function_gets_a_payload_format_2_event_with_route_path_query_headers_and_cookies() throws Exception {
        JsonNode event = eventOf(send(request("/items/42?color=red&size=L&color=blue&q=a%20b")
                .header("X-Custom", "one").header("X-Custom", "two")
                .header("Cookie", "session=abc; theme=dark").header("User-Agent", "gateway-test")));
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /items/{id}", event.get("routeKey").asText());
        assertEquals("/items/42", event.get("rawPath").asText());
        assertEquals("color=red&size=L&color=blue&q=a%20b", event.get("rawQueryString").asText());
        assertEquals(Map.of("color", "red,blue", "size", "L", "q", "a b"),
                Json.MAPPER.convertValue(event.get("queryStringParameters"), Map.class));
        assertEquals(Map.of("id", "42"), Json.MAPPER.convertValue(event.get("pathParameters"), Map.class));
        assertEquals(List.of("session=abc", "theme=dark"), Json.MAPPER.convertValue(event.get("cookies"), List.class));
        JsonNode headers = event.get("headers");
        assertEquals("one,two", headers.get("x-custom").asText());
        assertEquals("gateway-test", headers.get("user-agent").asText());
        assertFalse(headers.has("cookie"), "format 2.0 moves cookies out of the headers");
        headers.fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(), name));
        assertFalse(event.has("body"), "a request without a body has no body field");
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void the_request_context_describes_the_request_on_the_simulated_clock() throws Exception {
        stack.clock().set(Instant.parse("2019-06-25T00:00:00Z"));
        JsonNode context = eventOf(send(request("/items/7").header("User-Agent", "ua"))).get("requestContext");
        assertEquals("123456789012", context.get("accountId").asText());
        assertFalse(context.get("apiId").asText().isEmpty());
        assertEquals("127.0.0.1", context.get("domainName").asText());
        assertEquals("127", context.get("domainPrefix").asText());
        assertEquals("GET", context.at("/http/method").asText());
        assertEquals("/items/7", context.at("/http/path").asText());
        assertEquals("HTTP/1.1", context.at("/http/protocol").asText());
        assertEquals("127.0.0.1", context.at("/http/sourceIp").asText());
        assertEquals("ua", context.at("/http/userAgent").asText());
        assertFalse(context.get("requestId").asText().isEmpty());
        assertEquals("GET /items/{id}", context.get("routeKey").asText());
        assertEquals("$default", context.get("stage").asText());
        assertTrue(context.get("time").asText().startsWith("25/Jun/2019:00:00:"), context.get("time").asText());
        long epoch = context.get("timeEpoch").asLong();
        assertTrue(epoch >= Instant.parse("2019-06-25T00:00:00Z").toEpochMilli()
                && epoch < Instant.parse("2019-06-25T01:00:00Z").toEpochMilli(), "timeEpoch " + epoch);
    }

    @Test
    void a_json_body_arrives_as_text_and_a_binary_body_in_base64() throws Exception {
        JsonNode json = eventOf(send(request("/items").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"步\"}"))));
        assertEquals("POST /items", json.get("routeKey").asText());
        assertEquals("{\"name\":\"步\"}", json.get("body").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());

        byte[] bytes = {0, 1, 2, (byte) 0xff};
        JsonNode binary = eventOf(send(request("/items").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
        assertTrue(binary.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(bytes), binary.get("body").asText());
    }

    @Test
    void greedy_and_any_routes_take_their_paths_and_methods() throws Exception {
        JsonNode event = eventOf(send(request("/items/9/photos/1").method("PUT", HttpRequest.BodyPublishers.noBody())));
        assertEquals("ANY /items/{id}/{proxy+}", event.get("routeKey").asText());
        assertEquals(Map.of("id", "9", "proxy", "photos/1"), Json.MAPPER.convertValue(event.get("pathParameters"), Map.class));

        HttpResponse<String> literal = send(request("/items/special"));
        assertEquals("SpecialFunction", literal.headers().firstValue("x-function").orElseThrow());
        HttpResponse<String> specific = send(request("/things"));
        assertEquals("SpecialFunction", specific.headers().firstValue("x-function").orElseThrow());
        HttpResponse<String> any = send(request("/things").DELETE());
        assertEquals("EchoFunction", any.headers().firstValue("x-function").orElseThrow());
    }

    @Test
    void an_unknown_route_or_method_answers_404_not_found_as_api_gateway_does() throws Exception {
        for (HttpRequest.Builder r : List.of(request("/nowhere"), request("/items/1").DELETE(), request("/items/1/"))) {
            HttpResponse<String> response = send(r);
            assertEquals(404, response.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
    }

    @Test
    void a_throwing_handler_answers_500_internal_server_error() throws Exception {
        HttpResponse<String> response = send(request("/boom"));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void a_handler_class_that_cannot_be_built_answers_500_like_a_failed_init() throws Exception {
        HttpResponse<String> response = send(request("/missing"));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void a_v2_response_gives_the_status_headers_cookies_and_body() throws Exception {
        String output = "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-Id\":\"7\"},"
                + "\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"created\"}";
        HttpResponse<String> response = send(raw(output));
        assertEquals(201, response.statusCode());
        assertEquals("text/plain", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("7", response.headers().firstValue("x-id").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        assertEquals("created", response.body());
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
    }

    @Test
    void a_base64_encoded_response_body_is_decoded() throws Exception {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G'};
        String output = "{\"statusCode\":200,\"isBase64Encoded\":true,\"headers\":{\"content-type\":\"image/png\"},"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
        HttpResponse<byte[]> response = HTTP.send(raw(output).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                List.of(response.body()[0], response.body()[1], response.body()[2], response.body()[3]));
    }

    @Test
    void output_without_a_status_code_is_a_200_json_body_and_output_that_is_not_json_a_500() throws Exception {
        HttpResponse<String> object = send(raw("{\"hello\":\"world\"}"));
        assertEquals(200, object.statusCode());
        assertEquals("{\"hello\":\"world\"}", object.body());
        assertEquals("application/json", object.headers().firstValue("content-type").orElseThrow());

        HttpResponse<String> text = send(raw("\"Hello from Lambda!\""));
        assertEquals(200, text.statusCode());
        assertEquals("Hello from Lambda!", text.body());

        HttpResponse<String> broken = send(raw("{not json"));
        assertEquals(500, broken.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", broken.body());
    }

    @Test
    void concurrent_requests_run_concurrently() throws Exception {
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(request("/rendezvous").build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = HTTP.sendAsync(request("/rendezvous").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.get().statusCode(), "the first request waited for the second one to arrive");
        assertEquals(200, second.get().statusCode());
    }

    @Test
    void a_function_gets_globals_merged_intrinsics_resolved_moto_and_the_simulated_clock() throws Exception {
        Map<String, String> env = stack.environmentOf("EchoFunction");
        assertEquals(stack.resources().table("ItemsTable").name(), env.get("ITEMS_TABLE"));
        assertEquals("hello", env.get("GREETING"));
        assertEquals("from-function", env.get("OVERRIDDEN"));
        assertEquals("us-east-1/" + stack.resources().table("ItemsTable").name(), env.get("QUEUE_ARN_TEXT"));
        assertEquals(stack.motoEndpoint().toString(), env.get("AWS_ENDPOINT_URL"));
        assertEquals("us-east-1", env.get("AWS_REGION"));
        assertEquals("from-globals", stack.environmentOf("SpecialFunction").get("OVERRIDDEN"));

        stack.clock().set(Instant.parse("2019-07-08T10:00:00Z"));
        HttpResponse<String> response = send(request("/items/1"));
        assertEquals("hello", response.headers().firstValue("x-greeting").orElseThrow());
        assertTrue(response.headers().firstValue("x-clock").orElseThrow().startsWith("2019-07-08T10:00"));
        long remaining = Long.parseLong(response.headers().firstValue("x-remaining-ms").orElseThrow());
        assertTrue(remaining > 0 && remaining <= 7000, "the template's Timeout of 7 s bounds the remaining time: " + remaining);
    }

    private static HttpRequest.Builder raw(String output) {
        String body = Json.MAPPER.createObjectNode().put("output", output).toString();
        return request("/raw").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
