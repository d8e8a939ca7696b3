package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.run78.local.ServerlessFunction;

/** The settings that decide how the stack behaves on launch morning, read from template.yaml. */
class ProductionSettingsTest {
    /** API Gateway gives up on an integration after 30 s; a function allowed longer would answer nobody. */
    static final int API_GATEWAY_TIMEOUT_SECONDS = 30;
    /** The account's default API Gateway limits in a region; a stage cannot use more than the account has. */
    static final int ACCOUNT_RATE = 10_000;
    static final int ACCOUNT_BURST = 5_000;

    record Consumer(ServerlessFunction function, String event, Map<String, Object> properties) {}

    static List<Consumer> sqsConsumers() {
        List<Consumer> consumers = new ArrayList<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (ServerlessFunction.Event e : f.events()) {
                if (e.type().equals("SQS")) {
                    consumers.add(new Consumer(f, e.name(), e.properties()));
                }
            }
        }
        return consumers;
    }

    static int timeout(ServerlessFunction f) {
        Object t = f.properties().get("Timeout");
        return t == null ? 3 : Integer.parseInt(String.valueOf(t));
    }

    @Test
    void eachQueuesVisibilityTimeoutIsAtLeastSixTimesItsConsumersTimeoutPlusItsBatchingWindow() {
        assertFalse(sqsConsumers().isEmpty());
        for (Consumer c : sqsConsumers()) {
            String queue = TemplateFacts.referencedId(c.properties().get("Queue"));
            int visibility = Integer.parseInt(String.valueOf(TemplateFacts.properties(queue).getOrDefault("VisibilityTimeout", 30)));
            Object window = c.properties().getOrDefault("MaximumBatchingWindowInSeconds", 0);
            int needed = 6 * timeout(c.function()) + Integer.parseInt(String.valueOf(window));
            assertTrue(visibility >= needed, queue + " visibility " + visibility + " s < 6 x " + c.function().logicalId()
                    + "'s timeout + batching window = " + needed + " s: messages would come back while still in work");
        }
    }

    @Test
    void eachQueueConsumerReportsPartialBatchFailuresAndHasAMaximumConcurrency() {
        for (Consumer c : sqsConsumers()) {
            assertTrue(TemplateFacts.list(c.properties().get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                    c.function().logicalId() + " would have its partial-failure answer ignored");
            Object max = TemplateFacts.map(c.properties().get("ScalingConfig")).get("MaximumConcurrency");
            assertNotNull(max, c.function().logicalId() + " has no MaximumConcurrency");
            int concurrency = Integer.parseInt(String.valueOf(max));
            assertTrue(concurrency >= 2 && concurrency <= 1000, "MaximumConcurrency must be 2..1000, is " + concurrency);
        }
    }

    /** The alarms on an AWS/SQS metric, by the queue they watch: each alarm's properties. */
    static Map<String, List<Map<String, Object>>> queueAlarms(String metricName) {
        Map<String, List<Map<String, Object>>> byQueue = new TreeMap<>();
        TemplateFacts.resources().forEach((id, r) -> {
            Map<String, Object> p = TemplateFacts.map(r.get("Properties"));
            if ("AWS::CloudWatch::Alarm".equals(r.get("Type")) && "AWS/SQS".equals(p.get("Namespace"))
                    && metricName.equals(p.get("MetricName"))) {
                TemplateFacts.list(p.get("Dimensions")).forEach(d -> byQueue.computeIfAbsent(
                        TemplateFacts.referencedId(TemplateFacts.map(d).get("Value")), q -> new ArrayList<>()).add(p));
            }
        });
        return byQueue;
    }

    @Test
    void eachConsumedQueueRedrivesToADeadLetterQueueWhoseDepthIsAlarmed() {
        Map<String, List<Map<String, Object>>> depthAlarms = queueAlarms("ApproximateNumberOfMessagesVisible");
        for (Consumer c : sqsConsumers()) {
            String queue = TemplateFacts.referencedId(c.properties().get("Queue"));
            Map<String, Object> redrive = TemplateFacts.map(TemplateFacts.properties(queue).get("RedrivePolicy"));
            String dlq = TemplateFacts.referencedId(redrive.get("deadLetterTargetArn"));
            assertNotNull(dlq, queue + " has no dead-letter queue");
            assertTrue(depthAlarms.containsKey(dlq), dlq + " has no depth alarm");
            for (Map<String, Object> alarm : depthAlarms.get(dlq)) {
                assertEquals(0, Integer.parseInt(String.valueOf(alarm.get("Threshold"))), dlq + ": one message is enough");
            }
        }
    }

    @Test
    void eachConsumedQueueHasAnAlarmOnTheAgeOfItsOldestMessageSoAStuckConsumerIsSeen() {
        // The lag metric comes from batches that counted something: a consumer that counts nothing emits none.
        Map<String, List<Map<String, Object>>> ageAlarms = queueAlarms("ApproximateAgeOfOldestMessage");
        for (Consumer c : sqsConsumers()) {
            String queue = TemplateFacts.referencedId(c.properties().get("Queue"));
            assertTrue(ageAlarms.containsKey(queue), queue + " has no alarm on the age of its oldest message");
            for (Map<String, Object> alarm : ageAlarms.get(queue)) {
                int seconds = Integer.parseInt(String.valueOf(alarm.get("Threshold")));
                int periods = Integer.parseInt(String.valueOf(alarm.get("EvaluationPeriods")));
                assertTrue(seconds >= 60 && seconds <= 3600, queue + ": a threshold of " + seconds + " s");
                assertTrue(periods >= 2, queue + ": one period of a sampled age is noise");
                assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"), queue);
            }
        }
    }

    @Test
    void everyFunctionHasAnAlarmOnItsErrorsAndItsThrottles() {
        Set<String> errors = new TreeSet<>();
        Set<String> throttles = new TreeSet<>();
        TemplateFacts.resources().forEach((id, r) -> {
            if (!"AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                return;
            }
            Map<String, Object> p = TemplateFacts.map(r.get("Properties"));
            assertFalse(TemplateFacts.list(p.get("AlarmActions")).isEmpty(), id + " notifies nobody");
            for (Object m : TemplateFacts.list(p.get("Metrics"))) {
                Map<String, Object> metric = TemplateFacts.map(TemplateFacts.map(TemplateFacts.map(m).get("MetricStat")).get("Metric"));
                if (!"AWS/Lambda".equals(metric.get("Namespace"))) {
                    continue;
                }
                Set<String> alarmed = switch (String.valueOf(metric.get("MetricName"))) {
                    case "Errors" -> errors;
                    case "Throttles" -> throttles;
                    default -> new TreeSet<>(); // Duration, ConcurrentExecutions, ...: neither
                };
                for (Object d : TemplateFacts.list(metric.get("Dimensions"))) {
                    alarmed.add(TemplateFacts.referencedId(TemplateFacts.map(d).get("Value")));
                }
            }
        });
        Set<String> functions = new TreeSet<>(TemplateFacts.functions().stream().map(ServerlessFunction::logicalId).toList());
        assertEquals(functions, errors, "functions with an Errors alarm");
        assertEquals(functions, throttles, "functions with a Throttles alarm");
    }

    @Test
    void everySchedulerScheduleIsNamedAfterItsStackSoASecondStackInTheAccountCanBeCreated() {
        // Without a Name, SAM names a schedule <function><event> in the default group, the same in every stack.
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (ServerlessFunction.Event e : f.events()) {
                if (e.type().equals("ScheduleV2") && !"true".equals(String.valueOf(e.properties().get("OmitName")))) {
                    Object sub = TemplateFacts.map(e.properties().get("Name")).get("Fn::Sub");
                    assertTrue(String.valueOf(sub).contains("${AWS::StackName}"),
                            f.logicalId() + "." + e.name() + " is named " + e.properties().get("Name"));
                }
            }
        }
    }

    @Test
    void theHttpApiIsThrottledWithinTheAccountsLimits() {
        for (Map.Entry<String, Map<String, Object>> api : TemplateFacts.resources().entrySet()) {
            if (!"AWS::Serverless::HttpApi".equals(api.getValue().get("Type"))) {
                continue;
            }
            Map<String, Object> p = TemplateFacts.map(api.getValue().get("Properties"));
            Map<String, Object> defaults = TemplateFacts.map(p.get("DefaultRouteSettings"));
            int rate = Integer.parseInt(String.valueOf(defaults.get("ThrottlingRateLimit")));
            int burst = Integer.parseInt(String.valueOf(defaults.get("ThrottlingBurstLimit")));
            assertTrue(rate > 0 && rate <= ACCOUNT_RATE, "rate " + rate);
            assertTrue(burst >= rate / 2 && burst <= ACCOUNT_BURST, "burst " + burst);
            TemplateFacts.map(p.get("RouteSettings")).forEach((route, settings) -> {
                int routeRate = Integer.parseInt(String.valueOf(TemplateFacts.map(settings).get("ThrottlingRateLimit")));
                assertTrue(routeRate <= rate, route + " may not take more than the stage");
            });
        }
    }

    @Test
    void everyHttpFunctionAnswersWithinApiGatewaysTimeoutAndStartsFromASnapStartSnapshot() {
        for (ServerlessFunction f : TemplateFacts.functions()) {
            if (f.events().stream().noneMatch(e -> e.type().equals("HttpApi"))) {
                continue;
            }
            // A scheduled job that operators may also start over HTTP (the finalizer) runs on after API
            // Gateway's 30 s have answered 503; it is safe to run again, so only it may take longer.
            boolean alsoScheduled = f.events().stream().anyMatch(e -> e.type().startsWith("Schedule"));
            assertTrue(alsoScheduled || timeout(f) < API_GATEWAY_TIMEOUT_SECONDS, f.logicalId() + " timeout " + timeout(f));
            assertEquals("PublishedVersions", TemplateFacts.map(f.properties().get("SnapStart")).get("ApplyOn"), f.logicalId());
            // SnapStart only runs published versions: without an alias the API would invoke $LATEST, unsnapshotted.
            assertNotNull(f.properties().get("AutoPublishAlias"), f.logicalId());
        }
    }

    @Test
    void everyAliasedFunctionPublishesANewVersionWhenDeployRevisionChangesSoAParameterChangeReachesLive() {
        // SAM hashes the code and the literal environment into the version's id, not the parameters' values.
        for (ServerlessFunction f : TemplateFacts.functions()) {
            if (f.properties().get("AutoPublishAlias") != null) {
                assertEquals("DeployRevision", TemplateFacts.referencedId(f.properties().get("AutoPublishCodeSha256")), f.logicalId());
            }
        }
    }

    @Test
    void everyFunctionLogsInLambdasJsonFormatOnAnArm64Java21OrLaterRuntime() {
        for (ServerlessFunction f : TemplateFacts.functions()) {
            assertEquals("JSON", TemplateFacts.map(f.properties().get("LoggingConfig")).get("LogFormat"), f.logicalId());
            assertTrue(Set.of("java21", "java25").contains(String.valueOf(f.properties().get("Runtime"))), f.logicalId());
        }
    }
}
