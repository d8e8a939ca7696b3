package org.run78.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.run78.local.AwsClients;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every company and operator call over HTTP with no credential, a wrong one, another company's,
 * a user token from POST /v1/sessions, the admin token where it is not the right one, and the
 * right one. Only the right one passes; every refusal leaves the companies table as it was.
 */
class AuthorizationMatrixTest {

    /** One call: what it sends with a given bearer (null: no Authorization header). */
    record Call(String name, Function<String, ClaimPlatform.Answer> send, int success) {}

    @TestFactory
    List<DynamicTest> onlyTheRightCredentialActsAndEveryOtherIsRefusedWritingNothing() {
        LocalStack stack = SharedLocalStack.reset();
        ClaimPlatform platform = new ClaimPlatform(stack);
        platform.clockAt("2019-07-01T10:00:00+08:00");
        DynamoDbClient dynamo = AwsClients.dynamoDb(stack.motoEndpoint());
        String companiesTable = stack.resources().table("CompaniesTable").name();
        CompanyTables.generated(dynamo, stack.resources().table("StateTable").name(),
                OffsetDateTime.parse("2019-06-30T12:00:00+08:00").toInstant(), "620000", "540000");

        String picc = platform.register("PICC", "中国人民保险");
        String cpic = platform.register("CPIC", "中国太平洋保险");
        ClaimPlatform.require(platform.claim(cpic, "{\"companyCode\":\"CPIC\",\"regions\":[\"540000\"]}"), 201);
        String user = platform.userToken("openid-matrix-user");
        String admin = platform.adminToken();
        String wrongSecret = "PICC." + "A".repeat(43);

        Call claim = new Call("POST /v1/claims for PICC",
                bearer -> platform.claim(bearer, "{\"companyCode\":\"PICC\",\"regions\":[\"620000\"]}"), 201);
        Call report = new Call("POST /v1/projects/620000/reports (PICC's claimed region)",
                bearer -> platform.report(bearer, "620000", ClaimsOverHttpTest.GOOD_DELIVERY), 201);
        Call register = new Call("POST /v1/admin/companies",
                bearer -> platform.send("POST", "/v1/admin/companies", "{\"companyCode\":\"TAIPING\",\"name\":\"中国太平\"}", bearer), 201);
        Call listing = new Call("GET /v1/admin/claims", platform::adminClaims, 200);

        Map<String, String> wrongForCompanies = new LinkedHashMap<>();
        wrongForCompanies.put("no credential", null);
        wrongForCompanies.put("a malformed credential", "not-a-credential");
        wrongForCompanies.put("a well-formed credential with the wrong secret", wrongSecret);
        wrongForCompanies.put("a user token", user);
        wrongForCompanies.put("the admin token", admin);
        Map<String, String> wrongForAdmin = new LinkedHashMap<>();
        wrongForAdmin.put("no credential", null);
        wrongForAdmin.put("a wrong token", admin + "x");
        wrongForAdmin.put("a user token", user);
        wrongForAdmin.put("a company credential", picc);

        // In order: the claim's cases first, so PICC has claimed 620000 when its report's cases run.
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : List.of(claim, report)) {
            wrongForCompanies.forEach((what, bearer) -> tests.add(refusal(call, what, bearer, 401, "UNAUTHORIZED", dynamo, companiesTable)));
            tests.add(refusal(call, "another company's credential", cpic, 403, "FORBIDDEN", dynamo, companiesTable));
            tests.add(DynamicTest.dynamicTest(call.name() + " with the right credential succeeds", () -> {
                ClaimPlatform.Answer a = call.send().apply(picc);
                assertEquals(call.success(), a.status(), a.text());
            }));
        }
        for (Call call : List.of(register, listing)) {
            wrongForAdmin.forEach((what, bearer) -> tests.add(refusal(call, what, bearer, 401, "UNAUTHORIZED", dynamo, companiesTable)));
            tests.add(DynamicTest.dynamicTest(call.name() + " with the admin token succeeds", () -> {
                ClaimPlatform.Answer a = call.send().apply(admin);
                assertEquals(call.success(), a.status(), a.text());
            }));
        }
        tests.add(DynamicTest.dynamicTest("the listing shows both companies' claims", () -> {
            assertEquals(2, platform.adminClaims(admin).body().get("claims").asInt());
            dynamo.close();
        }));
        return tests;
    }

    static DynamicTest refusal(Call call, String what, String bearer, int status, String code,
                               DynamoDbClient dynamo, String table) {
        return DynamicTest.dynamicTest(call.name() + " with " + what + " is " + status + " " + code, () -> {
            List<Map<String, AttributeValue>> before = CompanyTables.scan(dynamo, table);
            ClaimPlatform.Answer a = call.send().apply(bearer);
            assertEquals(status, a.status(), a.text());
            assertEquals(code, a.code(), a.text());
            assertEquals(before, CompanyTables.scan(dynamo, table), "the refusal wrote nothing");
        });
    }
}
