package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.run78.app.CampaignFile;
import org.run78.app.Config;
import org.run78.app.Json;
import org.run78.app.Services;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.session.UserIds;
import org.run78.local.LocalContext;
import org.run78.local.LocalStack;
import org.run78.local.ServerlessFunction;
import org.run78.local.SharedLocalStack;
import org.run78.local.SimulatedClock;
import org.run78.store.DynamoDonationLedger;
import org.run78.store.Keys;
import org.run78.testing.CallRecorder;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * `sam local invoke -e events/<LogicalId>.json`, replayed: every function of the template has its
 * sample event, of the shape its event source delivers, and each sample drives its handler (built as
 * Lambda builds it, with the environment the template gives it, against moto) to a sensible answer.
 * Every AWS call made on the way is checked against the function's policy in the template.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsTest {
    static final Path EVENTS = TemplateFacts.ROOT.resolve("events");
    /** Other samples, each used by a test: the operators' claim listing (CompanyHandlersTest). */
    static final Set<String> EXTRA_SAMPLES = Set.of("admin-claims.json");
    static final String MORNING = "2019-06-26T09:00:00+08:00";
    static final String OPEN_ID = "sample-event-user";

    record Answer(String function, JsonNode output) {
        int status() {
            return output.path("statusCode").asInt(-1);
        }

        JsonNode body() {
            try {
                return Json.parse(output.path("body").asText("null"));
            } catch (IOException e) {
                throw new AssertionError(function + " answered a body that is not JSON: " + output);
            }
        }
    }

    LocalStack stack;
    final Map<String, CallRecorder> calls = new TreeMap<>();
    final Map<String, Answer> answers = new LinkedHashMap<>();
    /** What the sweeper and the finalizer answered when run late enough to do their work. */
    final Map<String, Answer> late = new LinkedHashMap<>();
    final Map<String, String> placeholders = new HashMap<>();

    @BeforeAll
    void invokeEveryFunctionWithItsSampleEvent() throws IOException {
        stack = SharedLocalStack.reset();
        stack.clock().set(SimulatedClock.parse(MORNING));
        placeholders.put("<ADMIN_TOKEN>", stack.adminToken());

        // Operators register a company; its credential is what the claim platform's samples carry.
        Answer registered = invoke("AdminFunction");
        placeholders.put("<the company credential from POST /v1/admin/companies>",
                registered.body().path("credential").asText());
        generated("620000", "540000"); // what the sample claim names; aggregation would have generated them
        invoke("ClaimFunction");
        invoke("ProjectReportFunction");
        invoke("ProjectsFunction");

        // The mini-program: wx.login, our session, today's run data, the donation.
        placeholders.put("<a wx.login code>", stack.weChat().login(OPEN_ID));
        Answer session = invoke("SessionFunction");
        placeholders.put("<the token from POST /v1/sessions>", session.body().path("token").asText());
        var runData = stack.weChat().runData(OPEN_ID, 12_345, stack.weChat().today());
        placeholders.put("<encryptedData from wx.getWeRunData>", runData.encryptedData());
        placeholders.put("<iv from wx.getWeRunData>", runData.iv());
        JsonNode donation = invoke("DonateFunction").body();

        // The donation as the queues carry it, in place of the samples' example donation.
        ObjectNode published = Json.MAPPER.createObjectNode();
        for (String field : List.of("donationId", "day", "regionCode", "steps", "countedSteps", "donatedAt")) {
            published.set(field, donation.get(field));
        }
        published.put("userId", UserIds.fromOpenId(OPEN_ID));
        invoke("AggregateFunction", published.toString());
        invoke("BadgesFunction", published.toString());
        invoke("MeFunction");
        invoke("LeaderboardFunction");

        // Whatever else the template holds (the finalizer, the report, a function added later).
        for (ServerlessFunction f : TemplateFacts.functions()) {
            if (!answers.containsKey(f.logicalId()) && Files.exists(sample(f.logicalId()))) {
                invoke(f.logicalId());
            }
        }

        // On the morning's clock the sweeper finds nothing old enough and the finalizer refuses, so
        // neither has made the calls of its real work. Both run again once it is due: a donation whose
        // publish failed after its ledger write is older than SWEEP_GRACE, and the campaign has ended
        // past the finalizer's in-flight grace. Only these two see the later time: moving the stack's
        // own clock would make its scheduler start a second, unrecorded finalizer beside this one.
        Donation unpublished = recordedButNeverPublished();
        Clock due = Clock.offset(stack.clock(), Duration.between(stack.clock().instant(), dueForSweepAndFinalize(unpublished)));
        late.put("SweepFunction", call("SweepFunction", null, due));
        late.put("FinalizeFunction", call("FinalizeFunction", null, due));
    }

    @Test
    void everyFunctionOfTheTemplateHasItsOwnSampleEventAndEveryOtherSampleIsOneATestUses() throws IOException {
        Set<String> expected = new TreeSet<>(EXTRA_SAMPLES);
        TemplateFacts.functions().forEach(f -> expected.add(f.logicalId() + ".json"));
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertEquals(expected, new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void eachSampleHasTheShapeItsFunctionsEventSourceDelivers() throws IOException {
        for (ServerlessFunction f : TemplateFacts.functions()) {
            JsonNode event = Json.parse(Files.readString(sample(f.logicalId())));
            Set<String> types = new TreeSet<>(f.events().stream().map(ServerlessFunction.Event::type).toList());
            if (event.has("Records")) {
                assertTrue(types.contains("SQS"), f.logicalId() + " is not an SQS consumer");
                JsonNode record = event.get("Records").get(0);
                assertEquals("aws:sqs", record.path("eventSource").asText());
                assertTrue(record.path("body").isTextual() && record.hasNonNull("messageId"), f.logicalId());
            } else if (event.has("detail-type")) {
                assertTrue(types.contains("Schedule") || types.contains("ScheduleV2"), f.logicalId() + " has no schedule");
                assertEquals("Scheduled Event", event.get("detail-type").asText());
                assertEquals("aws.events", event.get("source").asText());
            } else if (!event.has("version") && types.contains("ScheduleV2")) {
                // EventBridge Scheduler hands a Lambda target the schedule's Input as it is, not an envelope.
                List<JsonNode> inputs = new ArrayList<>();
                for (ServerlessFunction.Event e : f.events()) {
                    Object input = e.properties().get("Input");
                    if (e.type().equals("ScheduleV2") && input != null) {
                        inputs.add(Json.parse(String.valueOf(input)));
                    }
                }
                assertTrue(inputs.contains(event), f.logicalId() + "'s sample " + event
                        + " is neither a Scheduled Event nor the Input of one of its ScheduleV2 events " + inputs);
            } else {
                assertEquals("2.0", event.path("version").asText(), f.logicalId() + ": an HTTP API payload 2.0 event");
                Set<String> routes = new TreeSet<>();
                f.events().stream().filter(e -> e.type().equals("HttpApi")).forEach(e ->
                        routes.add(e.properties().get("Method") + " " + e.properties().get("Path")));
                assertTrue(routes.contains(event.path("routeKey").asText()), f.logicalId() + " serves " + routes
                        + ", not " + event.path("routeKey").asText());
                assertEquals(event.path("routeKey").asText(), event.path("requestContext").path("routeKey").asText());
                assertTrue(event.path("requestContext").path("http").has("method"), f.logicalId());
            }
        }
    }

    @Test
    void everyFunctionAnswersItsSampleSensibly() {
        List<String> problems = new ArrayList<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            Answer answer = answers.get(f.logicalId());
            if (answer == null) {
                problems.add(f.logicalId() + " was not invoked");
                continue;
            }
            JsonNode out = answer.output();
            if (out.has("statusCode")) {
                if (answer.status() >= 500) {
                    problems.add(f.logicalId() + " answered " + out);
                } else if (answer.status() >= 400 && !answer.body().path("error").path("code").isTextual()) {
                    problems.add(f.logicalId() + " answered an error without the contract's shape: " + out);
                }
            } else if (out.has("batchItemFailures")) {
                if (!out.get("batchItemFailures").isEmpty()) {
                    problems.add(f.logicalId() + " failed messages of its sample: " + out);
                }
            } else if (!out.isObject()) {
                problems.add(f.logicalId() + " answered " + out);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSamplesOfTheMainFlowAreAccepted() {
        assertEquals(201, answers.get("AdminFunction").status());
        assertEquals(201, answers.get("ClaimFunction").status());
        assertEquals(201, answers.get("ProjectReportFunction").status());
        assertEquals(200, answers.get("ProjectsFunction").status());
        assertEquals(200, answers.get("SessionFunction").status());
        assertEquals(201, answers.get("DonateFunction").status(), answers.get("DonateFunction").output().toString());
        assertEquals(12_345, answers.get("DonateFunction").body().path("countedSteps").asLong());
        assertEquals(1, answers.get("MeFunction").body().path("donations").asInt(), answers.get("MeFunction").output().toString());
        assertEquals(200, answers.get("LeaderboardFunction").status());
        assertTrue(answers.get("SweepFunction").output().has("republished"));
    }

    @Test
    void onceDueTheSweeperRepublishesTheUnpublishedDonationAndTheFinalizerPublishesTheReport() {
        assertEquals(1, late.get("SweepFunction").output().path("republished").asInt(), late.get("SweepFunction").output().toString());
        JsonNode report = late.get("FinalizeFunction").output();
        assertEquals(2, report.path("totals").path("donations").asLong(), report.toString());
    }

    @Test
    void theLateRunsMadeTheCallsOfTheirRealWorkSoThePolicyCheckCoversThem() {
        // Without these, the policy check below would pass a sweeper that may not publish, a finalizer that may not scan.
        assertTrue(needed("SweepFunction").contains("sns:Publish on DonationTopic"), needed("SweepFunction").toString());
        Set<String> finalizer = needed("FinalizeFunction");
        for (String call : List.of("sqs:GetQueueAttributes on DonationQueue", "dynamodb:Scan on LedgerTable",
                "dynamodb:Scan on UsersTable", "dynamodb:Query on CompaniesTable")) {
            assertTrue(finalizer.contains(call), call + " not among " + finalizer);
        }
    }

    @Test
    void everyAwsCallAFunctionMadeOnItsSampleIsGrantedByItsPolicyInTheTemplate() {
        Map<String, String> logicalIds = logicalIds();
        Map<String, Set<String>> denied = new TreeMap<>();
        int checked = 0;
        for (Map.Entry<String, CallRecorder> entry : calls.entrySet()) {
            Set<FunctionPolicies.Grant> granted = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
            granted.addAll(FunctionPolicies.grants(TemplateFacts.function(entry.getKey())));
            for (SdkRequest request : entry.getValue().requests()) {
                for (FunctionPolicies.Grant needed : FunctionPolicies.required(request, n -> logicalIds.getOrDefault(n, n))) {
                    checked++;
                    if (!granted.contains(needed)) {
                        denied.computeIfAbsent(entry.getKey(), k -> new TreeSet<>()).add(needed.toString());
                    }
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " calls were recorded");
        assertEquals(Map.of(), denied, "calls that IAM would deny");
    }

    /** The grants the AWS calls a function made need, as "action on LogicalId". */
    private Set<String> needed(String function) {
        Map<String, String> logicalIds = logicalIds();
        Set<String> needed = new TreeSet<>();
        for (SdkRequest request : calls.get(function).requests()) {
            FunctionPolicies.required(request, n -> logicalIds.getOrDefault(n, n)).forEach(g -> needed.add(g.toString()));
        }
        return needed;
    }

    /** Physical table names, queue URLs and topic ARNs of the stack, to their logical ids. */
    private Map<String, String> logicalIds() {
        Map<String, String> logicalIds = new HashMap<>();
        stack.resources().tables().forEach(t -> logicalIds.put(t.name(), t.logicalId()));
        stack.resources().queues().forEach(q -> logicalIds.put(q.url(), q.logicalId()));
        stack.resources().topics().forEach(t -> logicalIds.put(t.arn(), t.logicalId()));
        return logicalIds;
    }

    /** A second user's donation in the ledger whose publish never happened: what the sweeper is for. */
    private Donation recordedButNeverPublished() {
        Campaign campaign = CampaignFile.load(stack.environmentOf("DonateFunction").get("CAMPAIGN_FILE"));
        String userId = UserIds.fromOpenId(OPEN_ID + "-unpublished");
        Instant at = stack.clock().instant();
        LocalDate day = at.atZone(campaign.zone()).toLocalDate();
        Donation donation = new Donation(Donation.idFor(userId, day), userId, day, "330000", 9_000,
                campaign.donations().countedSteps(day, 9_000), at);
        new DynamoDonationLedger(org.run78.local.AwsClients.dynamoDb(stack.motoEndpoint()),
                stack.environmentOf("DonateFunction").get("LEDGER_TABLE")).record(donation);
        return donation;
    }

    /** A second past both: the unpublished donation's SWEEP_GRACE, and the campaign's end plus FINALIZE_IN_FLIGHT_GRACE. */
    private Instant dueForSweepAndFinalize(Donation unpublished) {
        Map<String, String> finalizer = stack.environmentOf("FinalizeFunction");
        Instant finalizable = CampaignFile.load(finalizer.get("CAMPAIGN_FILE")).endsAt()
                .plus(Duration.parse(finalizer.get("FINALIZE_IN_FLIGHT_GRACE")));
        Instant sweepable = unpublished.donatedAt().plus(Duration.parse(stack.environmentOf("SweepFunction").get("SWEEP_GRACE")));
        return (finalizable.isAfter(sweepable) ? finalizable : sweepable).plusSeconds(1);
    }

    private Answer invoke(String function) throws IOException {
        return invoke(function, null);
    }

    private Answer invoke(String function, String sqsBody) throws IOException {
        Answer answer = call(function, sqsBody, stack.clock());
        answers.put(function, answer);
        return answer;
    }

    /** Reads the function's sample, fills its placeholders (and an SQS body, if given), and invokes it on that clock. */
    private Answer call(String function, String sqsBody, Clock clock) throws IOException {
        String text = Files.readString(sample(function));
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            text = text.replace(p.getKey(), p.getValue());
        }
        JsonNode event = Json.parse(text);
        if (sqsBody != null) {
            for (JsonNode record : event.get("Records")) {
                ((ObjectNode) record).put("body", sqsBody);
            }
        }
        assertFalse(event.toString().matches("(?s).*\"<[^\"]*>\".*|.*Bearer <.*"),
                function + " has a placeholder this test does not fill: " + event);
        CallRecorder recorder = calls.computeIfAbsent(function, f -> new CallRecorder());
        Services services = Services.create(new Config(stack.environmentOf(function)), clock, List.of(recorder));
        RequestStreamHandler handler;
        try {
            handler = (RequestStreamHandler) Class.forName(TemplateFacts.function(function).handlerClassName())
                    .getConstructor(Services.class).newInstance(services);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function + " cannot be built", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(function, 30, 1024));
        return new Answer(function, Json.parse(out.toString(StandardCharsets.UTF_8)));
    }

    private void generated(String... aidedCodes) {
        String table = stack.environmentOf("ClaimFunction").get("STATE_TABLE");
        Instant at = stack.clock().instant().minusSeconds(3600);
        for (String code : aidedCodes) {
            org.run78.local.AwsClients.dynamoDb(stack.motoEndpoint()).putItem(b -> b.tableName(table).item(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.aidedPk(code)),
                    Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                    "steps", AttributeValue.fromN("78000000"),
                    "generatedAt", AttributeValue.fromS(at.toString()))));
        }
    }

    private static Path sample(String function) {
        return EVENTS.resolve(function + ".json");
    }
}
