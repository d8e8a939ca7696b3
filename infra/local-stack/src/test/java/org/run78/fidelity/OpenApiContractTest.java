package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.run78.app.Json;
import org.run78.local.AwsClients;
import org.run78.local.LocalStack;
import org.run78.local.ServerlessFunction;
import org.run78.local.SharedLocalStack;
import org.run78.store.Keys;
import org.run78.testing.MiniProgram;
import org.yaml.snakeyaml.Yaml;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * openapi.yaml is API.md as a machine reads it: its routes are the template's routes (plus the
 * local stack's own, marked x-local-only), and what the handlers answer, driven over HTTP through
 * the local stack on every route, successes and refusals, is what it documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Call(String method, String route, int status, String contentType, JsonNode body) {
        String operation() {
            return method + " " + route;
        }
    }

    Map<String, Object> document;
    final List<Call> calls = new ArrayList<>();
    LocalStack stack;
    MiniProgram app;

    @BeforeAll
    void readTheDocumentAndDriveEveryRoute() throws Exception {
        try (Reader in = Files.newBufferedReader(TemplateFacts.ROOT.resolve("openapi.yaml"))) {
            document = new Yaml().load(in);
        }
        stack = SharedLocalStack.reset();
        app = new MiniProgram(stack);
        driveEveryRoute();
    }

    @Test
    void everyDeployedRouteOfTheDocumentIsARouteOfTheTemplateAndTheOtherWayRound() {
        Set<String> documented = new TreeSet<>();
        Set<String> localOnly = new TreeSet<>();
        operations().forEach((op, body) -> (Boolean.TRUE.equals(body.get("x-local-only")) ? localOnly : documented).add(op));
        Set<String> templated = new TreeSet<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (ServerlessFunction.Event e : f.events()) {
                if (e.type().equals("HttpApi")) {
                    templated.add(e.properties().get("Method") + " " + e.properties().get("Path"));
                }
            }
        }
        assertEquals(templated, documented);
        assertFalse(localOnly.isEmpty());
        localOnly.forEach(op -> assertTrue(op.split(" ")[1].startsWith("/_local/"), op + " is local-only outside /_local/"));
    }

    @Test
    void theDocumentUsesOnlyTheSchemaKeywordsTheCheckIsAbleToEnforce() {
        List<String> unsupported = new ArrayList<>();
        TemplateFacts.map(TemplateFacts.map(document.get("components")).get("schemas"))
                .forEach((name, schema) -> unsupported.addAll(SchemaCheck.unsupportedKeywords(schema, name)));
        assertEquals(List.of(), unsupported);
    }

    @Test
    void everyAnswerOfTheHandlersHasADocumentedStatusAndMatchesItsSchema() {
        SchemaCheck check = new SchemaCheck(document);
        Map<String, List<String>> problems = new TreeMap<>();
        for (Call call : calls) {
            Map<String, Object> operation = operations().get(call.operation());
            Map<String, Object> response = resolve(TemplateFacts.map(TemplateFacts.map(operation.get("responses"))
                    .get(String.valueOf(call.status()))));
            String where = call.operation() + " " + call.status();
            if (response.isEmpty()) {
                problems.computeIfAbsent(where, k -> new ArrayList<>()).add("status not documented: " + call.body());
                continue;
            }
            String mediaType = call.contentType().split(";")[0].trim();
            Map<String, Object> media = TemplateFacts.map(TemplateFacts.map(response.get("content")).get(mediaType));
            if (media.isEmpty()) {
                problems.computeIfAbsent(where, k -> new ArrayList<>()).add("content type " + mediaType + " not documented");
            } else if (call.body() != null) {
                List<String> found = check.problems(media.get("schema"), call.body());
                if (!found.isEmpty()) {
                    problems.computeIfAbsent(where, k -> new ArrayList<>()).addAll(found);
                }
            }
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void everyOperationWasAnsweredWithADocumentedSuccessAndTheErrorsOfTheContractWereSeen() {
        Set<String> succeeded = new TreeSet<>();
        Set<String> errorCodes = new TreeSet<>();
        for (Call call : calls) {
            if (call.status() < 300) {
                succeeded.add(call.operation());
            } else if (call.body() != null) {
                errorCodes.add(call.body().path("error").path("code").asText());
            }
        }
        assertEquals(operations().keySet(), succeeded);
        assertTrue(errorCodes.containsAll(Set.of("INVALID_REQUEST", "UNAUTHORIZED", "WECHAT_LOGIN_FAILED",
                "ALREADY_DONATED_TODAY", "BELOW_THRESHOLD", "COMPANY_EXISTS", "ALREADY_CLAIMED", "NOT_AIDED_REGION",
                "PROJECT_TERMS_NOT_MET", "INVALID_TRANSITION", "NOT_FINALIZED", "CAMPAIGN_NOT_ENDED")), errorCodes.toString());
    }

    /** A day of the campaign and its end, on every route, as the mini-program, a company and an operator would. */
    private void driveEveryRoute() throws IOException {
        call("PUT", "/_local/clock", "/_local/clock", object().put("now", "2019-06-26T09:00:00+08:00"), null);
        call("GET", "/_local/clock", "/_local/clock", null, null);

        call("POST", "/v1/sessions", "/v1/sessions", object(), null);
        call("POST", "/v1/sessions", "/v1/sessions", object().put("code", "not-a-wx-login-code"), null);
        String code = call("POST", "/_local/wechat/login", "/_local/wechat/login", object().put("openId", "contract"), null)
                .body().get("code").asText();
        String token = call("POST", "/v1/sessions", "/v1/sessions", object().put("code", code), null).body().get("token").asText();
        JsonNode run = call("POST", "/_local/wechat/werun", "/_local/wechat/werun",
                object().put("openId", "contract").put("steps", 15_000), null).body();
        ObjectNode donation = object().put("regionCode", "330000").put("encryptedData", run.get("encryptedData").asText())
                .put("iv", run.get("iv").asText());
        call("POST", "/v1/donations", "/v1/donations", donation, null);
        call("POST", "/v1/donations", "/v1/donations", donation.deepCopy().put("regionCode", "999999"), token);
        call("POST", "/v1/donations", "/v1/donations", donation, token);
        call("POST", "/v1/donations", "/v1/donations", donation, token);
        String lazy = app.logIn("contract-lazy");
        MiniProgram.RunData few = app.weRun("contract-lazy", 100);
        call("POST", "/v1/donations", "/v1/donations", object().put("regionCode", "330000")
                .put("encryptedData", few.encryptedData()).put("iv", few.iv()), lazy);
        call("GET", "/v1/leaderboard", "/v1/leaderboard", null, null);
        call("GET", "/v1/me", "/v1/me", null, token);
        call("GET", "/v1/me", "/v1/me", null, null);
        call("PUT", "/v1/me", "/v1/me", object().put("displayName", "小明"), token);
        call("PUT", "/v1/me", "/v1/me", object().put("displayName", ""), token);

        String admin = stack.adminToken();
        ObjectNode company = object().put("companyCode", "CONTRACT").put("name", "契约保险");
        call("POST", "/v1/admin/companies", "/v1/admin/companies", company, null);
        String credential = call("POST", "/v1/admin/companies", "/v1/admin/companies", company, admin)
                .body().get("credential").asText();
        call("POST", "/v1/admin/companies", "/v1/admin/companies", company, admin);
        generated("620000");
        call("POST", "/v1/claims", "/v1/claims", claim("330000"), credential);
        call("POST", "/v1/claims", "/v1/claims", claim("620000"), credential);
        call("POST", "/v1/claims", "/v1/claims", claim("620000"), credential);
        String reports = "/v1/projects/{regionCode}/reports";
        call("POST", reports, "/v1/projects/620000/reports", object().put("type", "delivered").put("beneficiaries", 10)
                .put("coverageAmountYuan", 15_000_000).put("coverFrom", "2019-09-01").put("coverTo", "2020-08-31"), credential);
        call("POST", reports, "/v1/projects/620000/reports", object().put("type", "results-published")
                .put("url", "https://example.com/results"), credential);
        call("POST", reports, "/v1/projects/620000/reports", object().put("type", "delivered").put("beneficiaries", 800)
                .put("coverageAmountYuan", 15_000_000).put("coverFrom", "2019-09-01").put("coverTo", "2020-08-31"), credential);
        call("GET", "/v1/projects", "/v1/projects", null, null);
        call("GET", "/v1/admin/claims", "/v1/admin/claims", null, admin);
        call("GET", "/v1/report", "/v1/report", null, null);
        call("POST", "/v1/admin/finalize", "/v1/admin/finalize", null, admin);

        call("PUT", "/_local/clock", "/_local/clock", object().put("now", "2019-07-08T19:00:00+08:00"), null);
        call("POST", "/v1/admin/finalize", "/v1/admin/finalize", null, admin);
        call("GET", "/v1/report", "/v1/report", null, null);
    }

    private Call call(String method, String route, String rawPath, JsonNode body, String token) {
        MiniProgram.Answer answer = app.call(method, rawPath, body, token);
        String contentType = answer.text().isEmpty() ? "" : "application/json";
        Call call = new Call(method, route, answer.status(), contentType, answer.body());
        calls.add(call);
        return call;
    }

    private ObjectNode claim(String region) {
        ObjectNode claim = object().put("companyCode", "CONTRACT");
        claim.putArray("regions").add(region);
        return claim;
    }

    private void generated(String aided) {
        String state = stack.environmentOf("ClaimFunction").get("STATE_TABLE");
        AwsClients.dynamoDb(stack.motoEndpoint()).putItem(b -> b.tableName(state).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.aidedPk(aided)), Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                "steps", AttributeValue.fromN("78000000"), "generatedAt", AttributeValue.fromS("2019-06-26T00:00:00Z"))));
    }

    /** "METHOD /path" of every operation, with its body. */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        TemplateFacts.map(document.get("paths")).forEach((path, item) -> TemplateFacts.map(item).forEach((method, body) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, TemplateFacts.map(body));
            }
        }));
        return operations;
    }

    private Map<String, Object> resolve(Map<String, Object> response) {
        Object ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        String name = String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1);
        return TemplateFacts.map(TemplateFacts.map(TemplateFacts.map(document.get("components")).get("responses")).get(name));
    }

    private static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
