package org.run78.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Services;
import org.run78.handlers.AdminHandler;
import org.run78.handlers.ClaimHandler;
import org.run78.handlers.ProjectReportHandler;
import org.run78.handlers.ProjectsHandler;
import org.run78.local.ProvisionedResources;
import org.run78.local.SharedMoto;
import org.run78.testing.CallRecorder;
import org.run78.testing.HttpApiV2Events;

import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The four company functions as Lambda runs them: API Gateway HTTP API v2 event JSON in, the
 * v2 response out, each with the environment template.yaml gives it, against moto's tables.
 */
class CompanyHandlersTest {
    static final String OPEN = "2019-07-01T10:00:00+08:00";
    static final String GOOD_DELIVERY = "{\"type\":\"delivered\",\"beneficiaries\":800,\"coverageAmountYuan\":15000000,"
            + "\"coverFrom\":\"2019-09-01\",\"coverTo\":\"2020-08-31\"}";

    MovableClock clock;
    String adminToken;
    String companiesTable;
    AdminHandler admin;
    ClaimHandler claim;
    ProjectsHandler projects;
    ProjectReportHandler reports;

    @BeforeEach
    void freshFunctions() {
        ProvisionedResources resources = SharedMoto.resetToTemplate();
        clock = new MovableClock(OPEN);
        companiesTable = resources.table("CompaniesTable").name();
        adminToken = SharedMoto.environmentOf("AdminFunction").get("ADMIN_TOKEN");
        admin = new AdminHandler(services("AdminFunction"));
        claim = new ClaimHandler(services("ClaimFunction"));
        projects = new ProjectsHandler(services("ProjectsFunction"));
        reports = new ProjectReportHandler(services("ProjectReportFunction"));
        CompanyTables.generated(SharedMoto.dynamoDb(), resources.table("StateTable").name(),
                OffsetDateTime.parse("2019-06-30T12:00:00+08:00").toInstant(), "620000", "540000");
    }

    Services services(String function) {
        return Services.create(new Config(SharedMoto.environmentOf(function)), clock);
    }

    HttpApiV2Events.Result register(String code, String token) {
        return HttpApiV2Events.invoke(admin, HttpApiV2Events.event("POST", "/v1/admin/companies", "/v1/admin/companies",
                Map.of(), token, "{\"companyCode\":\"" + code + "\",\"name\":\"" + code + " 保险\"}", false));
    }

    HttpApiV2Events.Result claim(String credential, String body, boolean base64) {
        return HttpApiV2Events.invoke(claim, HttpApiV2Events.event("POST", "/v1/claims", "/v1/claims", Map.of(),
                credential, body, base64));
    }

    HttpApiV2Events.Result report(String credential, String region, String body) {
        return HttpApiV2Events.invoke(reports, HttpApiV2Events.event("POST", "/v1/projects/{regionCode}/reports",
                "/v1/projects/" + region + "/reports", Map.of("regionCode", region), credential, body, false));
    }

    @Test
    void aCompanyRegisteredByTheAdminFunctionClaimsWithItsCredentialAndTheProjectsFunctionShowsTheClaim() {
        HttpApiV2Events.Result registered = register("PICC", adminToken);
        assertEquals(201, registered.statusCode());
        assertEquals("application/json; charset=utf-8", registered.headers().get("content-type"));
        String credential = registered.body().get("credential").asText();
        assertTrue(credential.startsWith("PICC."));

        HttpApiV2Events.Result claimed = claim(credential,
                "{\"companyCode\":\"PICC\",\"regions\":[\"620000\",\"540000\"],\"coverageAmountYuan\":15000000}", true);
        assertEquals(201, claimed.statusCode(), claimed.body().toString());
        assertEquals(List.of("620000", "540000"), List.of(claimed.body().get("regions").get(0).asText(),
                claimed.body().get("regions").get(1).asText()));
        assertEquals("2019-07-01T10:00:00+08:00", claimed.body().get("claimedAt").asText());

        JsonNode list = HttpApiV2Events.invoke(projects,
                HttpApiV2Events.event("GET", "/v1/projects", "/v1/projects", Map.of(), null, null, false)).body();
        assertEquals(22, list.get("projects").size());
        JsonNode gansu = list.get("projects").get(0);
        assertEquals("620000", gansu.get("regionCode").asText());
        assertEquals("甘肃", gansu.get("name").asText());
        assertTrue(gansu.get("generated").asBoolean());
        assertEquals("PICC", gansu.get("claims").get(0).get("companyCode").asText());
        assertEquals("claimed", gansu.get("claims").get(0).get("status").asText());
        assertEquals("2019-11-08T18:00:00+08:00", gansu.get("claims").get(0).get("deadline").asText());
    }

    @Test
    void theCredentialIsShownOnceAndOnlyItsHashIsStored() {
        String credential = register("PICC", adminToken).body().get("credential").asText();
        String secret = credential.substring(credential.indexOf('.') + 1);
        String stored = CompanyTables.scan(SharedMoto.dynamoDb(), companiesTable).toString();
        assertTrue(!stored.contains(secret), "the secret is not in the table");
        assertTrue(stored.contains("credentialHash"));
    }

    @Test
    void aSecondClaimAnswers409WithTheClaimMadeAtTheTopLevelOfTheErrorBody() {
        String credential = register("PICC", adminToken).body().get("credential").asText();
        JsonNode first = claim(credential, "{\"companyCode\":\"PICC\",\"regions\":[\"620000\"]}", false).body();
        clock.set("2019-07-02T10:00:00+08:00");
        HttpApiV2Events.Result again = claim(credential, "{\"companyCode\":\"PICC\",\"regions\":[\"540000\"]}", false);
        assertEquals(409, again.statusCode());
        assertEquals("ALREADY_CLAIMED", again.code());
        assertEquals(first, again.body().get("claim"));
        assertTrue(again.body().get("claim").get("coverageAmountYuan").isNull(), "coverage was left open");
    }

    @Test
    void theReportFunctionTakesTheRegionFromThePathParameters() {
        String credential = register("PICC", adminToken).body().get("credential").asText();
        claim(credential, "{\"companyCode\":\"PICC\",\"regions\":[\"620000\"]}", false);
        HttpApiV2Events.Result delivered = report(credential, "620000", GOOD_DELIVERY);
        assertEquals(201, delivered.statusCode(), delivered.body().toString());
        assertEquals("delivered", delivered.body().get("status").asText());
        assertEquals(800, delivered.body().get("delivery").get("beneficiaries").asLong());
        assertEquals(2, delivered.body().get("version").asLong());
        assertEquals("FORBIDDEN", report(credential, "540000", GOOD_DELIVERY).code());
        assertEquals("INVALID_REQUEST", report(credential, "62000", GOOD_DELIVERY).code());
    }

    @Test
    void anAdminRouteTheFunctionDoesNotServeIsNotFoundOnlyForTheAdmin() {
        HttpApiV2Events.Result withToken = HttpApiV2Events.invoke(admin,
                HttpApiV2Events.event("DELETE", "/v1/admin/companies", "/v1/admin/companies", Map.of(), adminToken, null, false));
        HttpApiV2Events.Result without = HttpApiV2Events.invoke(admin,
                HttpApiV2Events.event("DELETE", "/v1/admin/companies", "/v1/admin/companies", Map.of(), null, null, false));
        assertEquals(404, withToken.statusCode());
        assertEquals(401, without.statusCode());
    }

    @Test
    void theAdminFunctionRefusesToStartWithoutAnAdminToken() {
        Map<String, String> env = new HashMap<>(SharedMoto.environmentOf("AdminFunction"));
        env.remove("ADMIN_TOKEN");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new AdminHandler(Services.create(new Config(env), clock)));
        assertTrue(e.getMessage().contains("ADMIN_TOKEN"), e.getMessage());
    }

    @Test
    void theSampleEventsOfEventsFolderDriveTheFunctionsAsSamLocalInvokeWould() throws Exception {
        java.nio.file.Path events = org.run78.local.ProjectTemplate.find().getParent().resolve("events");
        java.util.function.Function<String, JsonNode> sample = name -> {
            try {
                String text = java.nio.file.Files.readString(events.resolve(name));
                return org.run78.app.Json.parse(text.replace("<ADMIN_TOKEN>", adminToken));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        HttpApiV2Events.Result registered = HttpApiV2Events.invoke(admin, sample.apply("AdminFunction.json"));
        assertEquals(201, registered.statusCode(), registered.body().toString());
        String credential = registered.body().get("credential").asText();
        java.util.function.Function<String, JsonNode> asCompany = name -> {
            JsonNode e = sample.apply(name);
            ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("headers")).put("authorization", "Bearer " + credential);
            return e;
        };
        assertEquals(201, HttpApiV2Events.invoke(claim, asCompany.apply("ClaimFunction.json")).statusCode());
        assertEquals(201, HttpApiV2Events.invoke(reports, asCompany.apply("ProjectReportFunction.json")).statusCode());
        assertEquals(200, HttpApiV2Events.invoke(projects, sample.apply("ProjectsFunction.json")).statusCode());
        HttpApiV2Events.Result listing = HttpApiV2Events.invoke(admin, sample.apply("admin-claims.json"));
        assertEquals(200, listing.statusCode());
        assertEquals("delivered", listing.body().get("entries").get(0).get("projects").get(0).get("status").asText());
    }

    @Test
    void theCompanyFunctionsAreNotGivenTheAdminToken() {
        for (String function : List.of("ClaimFunction", "ProjectsFunction", "ProjectReportFunction")) {
            assertTrue(!SharedMoto.environmentOf(function).containsKey("ADMIN_TOKEN"), function);
        }
    }

    @Test
    void publicRequestsForTheProjectListReadTheClaimedProjectsOnceASecondPerContainer() {
        CallRecorder calls = new CallRecorder();
        ProjectsHandler watched = new ProjectsHandler(Services.create(
                new Config(SharedMoto.environmentOf("ProjectsFunction")), clock, List.of(calls)));
        int requests = 100;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertEquals(200, HttpApiV2Events.invoke(watched,
                    HttpApiV2Events.event("GET", "/v1/projects", "/v1/projects", Map.of(), null, null, false)).statusCode());
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long projectQueries = calls.requests().stream().filter(r -> r instanceof QueryRequest).count();
        System.out.printf("projects: %d requests in %d ms -> %d queries of the claimed projects, %d calls in all%n",
                requests, elapsedMillis, projectQueries, calls.requests().size());
        assertTrue(projectQueries >= 1 && projectQueries <= 1 + elapsedMillis / 1000,
                projectQueries + " queries in " + elapsedMillis + " ms");
    }
}
