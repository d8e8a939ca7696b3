package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.run78.app.Json;
import org.run78.app.Metrics;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.local.SharedMoto;
import org.run78.store.Keys;
import org.run78.testing.MiniProgram;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the functions write to their logs over a whole flow (login, donation, a refused retry,
 * aggregation, badges, the user's page, a company's registration and claim), captured as Lambda
 * would capture stdout: JSON lines with the request id, no secret and no openid in any of them,
 * and the business metrics in CloudWatch's embedded metric format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest {
    static final String OPEN_ID = "oPENID-observability-7c1f9a";

    final Map<String, String> secrets = new LinkedHashMap<>();
    List<String> lines;

    @BeforeAll
    void runAWholeFlowWithStdoutCaptured() throws IOException {
        LocalStack stack = SharedLocalStack.reset();
        MiniProgram app = new MiniProgram(stack);
        app.clockAt("2019-06-26T09:00:00+08:00");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            String code = app.wxLogin(OPEN_ID);
            secrets.put("the wx.login code", code);
            String token = MiniProgram.require(app.createSession(code), 200).body().get("token").asText();
            secrets.put("the user token", token);
            secrets.put("the openid", OPEN_ID);
            secrets.put("the session key", stack.weChat().sessionKey(OPEN_ID).orElseThrow());
            MiniProgram.RunData runData = app.weRun(OPEN_ID, 23_456);
            secrets.put("the encrypted run data", runData.encryptedData());
            MiniProgram.require(app.donate(token, "330000", runData), 201);
            MiniProgram.require(app.donate(token, "330000", runData), 409);
            Eventually.await("the badge awarded", () -> {
                JsonNode me = app.me(token).body();
                return me.path("totalSteps").asLong() == 23_456 && me.path("badges").size() == 1;
            });
            Eventually.await("the leaderboard showing the donation", () -> {
                for (JsonNode region : app.leaderboard().body().path("regions")) {
                    if (region.path("code").asText().equals("330000")) {
                        return region.path("steps").asLong() == 23_456;
                    }
                }
                return false;
            });

            secrets.put("the admin token", stack.adminToken());
            MiniProgram.Answer company = MiniProgram.require(app.call("POST", "/v1/admin/companies",
                    MiniProgram.object().put("companyCode", "OBSV").put("name", "Observability Insurance"),
                    stack.adminToken()), 201);
            String credential = company.body().get("credential").asText();
            secrets.put("the company credential", credential);
            secrets.put("the company secret", credential.substring(credential.indexOf('.') + 1));
            // Gansu's project, as aggregation generates it when the aided total reaches the target.
            String state = stack.environmentOf("ClaimFunction").get("STATE_TABLE");
            AwsClients.dynamoDb(stack.motoEndpoint()).putItem(b -> b.tableName(state).item(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.aidedPk("620000")), Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                    "steps", AttributeValue.fromN("78000000"), "generatedAt", AttributeValue.fromS("2019-06-26T00:00:00Z"))));
            MiniProgram.require(app.call("POST", "/v1/claims", Json.MAPPER.createObjectNode().put("companyCode", "OBSV")
                    .set("regions", Json.MAPPER.createArrayNode().add("620000")), credential), 201);
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        secrets.put("the token secret", SharedMoto.TEST_PARAMETER_ENVIRONMENT.get("TOKEN_SECRET"));
        secrets.put("the WeChat app secret", SharedMoto.TEST_PARAMETER_ENVIRONMENT.get("WECHAT_APP_SECRET"));
        lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void noLineOfTheFlowCarriesASecretOrTheOpenId() {
        assertTrue(lines.size() > 10, "only " + lines.size() + " lines were captured");
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, value) -> {
            for (String line : lines) {
                if (line.contains(value)) {
                    leaks.add(what + " in: " + line);
                }
            }
        });
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyLogLineIsAJsonObjectWithItsLevelAndTheInvocationsRequestId() throws IOException {
        int logLines = 0;
        for (String line : functionLines()) {
            JsonNode json = Json.parse(line);
            if (json.has("_aws")) {
                continue; // a metric record
            }
            logLines++;
            assertTrue(json.path("timestamp").isTextual() && json.path("level").isTextual()
                    && json.path("message").isTextual(), line);
            assertFalse(json.path("requestId").asText("").isBlank(), "no request id: " + line);
        }
        assertTrue(logLines > 5, "only " + logLines + " log lines");
    }

    @Test
    void theBusinessMetricsAreEmbeddedMetricFormatRecordsOfTheRun78Namespace() throws IOException {
        Map<String, List<JsonNode>> byMetric = new LinkedHashMap<>();
        for (String line : functionLines()) {
            JsonNode json = Json.parse(line);
            for (JsonNode directive : json.path("_aws").path("CloudWatchMetrics")) {
                assertEquals(Metrics.NAMESPACE, directive.path("Namespace").asText());
                assertTrue(json.path("_aws").path("Timestamp").isIntegralNumber(), line);
                for (JsonNode dimensions : directive.path("Dimensions")) {
                    dimensions.forEach(d -> assertTrue(json.path(d.asText()).isTextual(), "dimension " + d + " in " + line));
                }
                for (JsonNode metric : directive.path("Metrics")) {
                    String name = metric.path("Name").asText();
                    assertTrue(json.path(name).isNumber(), name + " in " + line);
                    byMetric.computeIfAbsent(name, n -> new ArrayList<>()).add(json);
                }
            }
        }
        assertEquals(1, byMetric.get(Metrics.DONATIONS_ACCEPTED).size());
        assertEquals(23_456, byMetric.get(Metrics.DONATED_STEPS).get(0).path(Metrics.DONATED_STEPS).asLong());
        assertTrue(byMetric.get(Metrics.REFUSED).stream().anyMatch(r -> r.path("Route").asText().equals("POST /v1/donations")
                && r.path("Code").asText().equals("ALREADY_DONATED_TODAY")), "the refused retry, by route and code");
        JsonNode lag = byMetric.get(Metrics.AGGREGATION_LAG_MAX).get(0);
        assertTrue(lag.path(Metrics.AGGREGATION_LAG_MAX).asLong() >= lag.path(Metrics.AGGREGATION_LAG_AVG).asLong());
        assertTrue(byMetric.get(Metrics.DONATIONS_COUNTED).stream().mapToLong(r -> r.path(Metrics.DONATIONS_COUNTED).asLong()).sum() >= 1);
        assertEquals(1, byMetric.get(Metrics.CLAIMS).size());
    }

    /**
     * The local stack's own notes, which Lambda would not write: its gateway's access log
     * ("POST /v1/donations -> DonateFunction 201 (97 ms)"), its notices, a schedule firing. Known by
     * their form, so that anything else printed to stdout, by a function or on its behalf (an
     * invocation that failed), counts as the functions' and is held to their format.
     */
    static final Pattern LOCAL_STACK_NOTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /\\S*( -> \\w+)? \\d{3} \\(\\d+ ms\\)"
            + "|local stack: .*|\\[\\w+] schedule \\w+ fires for \\S+");

    @Test
    void everyLineTheFunctionsWroteIsAJsonObjectSoCloudWatchCanQueryIt() {
        List<String> notJson = functionLines().stream().filter(l -> !isJsonObject(l)).toList();
        assertEquals(List.of(), notJson, "lines that are not JSON objects");
        assertTrue(lines.size() > functionLines().size(), "the local stack's access log was expected among the lines");
    }

    /** The lines the functions wrote: every captured line but the local stack's own notes. */
    private List<String> functionLines() {
        return lines.stream().filter(l -> !LOCAL_STACK_NOTE.matcher(l).matches()).toList();
    }

    private static boolean isJsonObject(String line) {
        try {
            return Json.parse(line).isObject();
        } catch (IOException notJson) {
            return false;
        }
    }

    /** Writes to both streams: the test's output stays visible while it is captured. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
