package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.run78.local.testhandlers.RecordingScheduleHandler;

/** Schedules of a test template on the simulated clock; the background ticker runs as in the real stack. */
class SchedulerTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start(LocalStack.Options.defaults().withClockStart(Instant.parse("2019-07-08T09:00:00Z")),
                "schedule.yaml");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Sets the clock and makes the scheduler look at it before anything else happens. */
    private static void clockAt(String instant) {
        stack.clock().set(Instant.parse(instant));
        stack.scheduler().runDue();
    }

    private static int finalizeCalls() {
        return RecordingScheduleHandler.callsOf("FinalizeFunction").size();
    }

    @Test
    void a_schedule_fires_once_when_the_clock_passes_its_time_and_not_before() {
        clockAt("2019-07-08T09:59:00Z");
        int before = finalizeCalls();
        stack.scheduler().runDue();
        assertEquals(before, finalizeCalls(), "not before 18:00 Shanghai time");

        stack.clock().set(Instant.parse("2019-07-08T10:00:01Z"));
        Eventually.await("the background ticker fires the finalizer", () -> finalizeCalls() == before + 1);
        stack.scheduler().runDue();
        clockAt("2019-07-08T12:00:00Z");
        assertEquals(before + 1, finalizeCalls(), "once, not at every tick");
    }

    @Test
    void the_function_gets_eventbridge_s_scheduled_event() {
        clockAt("2019-07-08T09:59:00Z");
        clockAt("2019-07-08T10:00:30Z");
        List<RecordingScheduleHandler.Call> calls = RecordingScheduleHandler.callsOf("FinalizeFunction");
        JsonNode event = calls.get(calls.size() - 1).event();
        assertEquals("0", event.get("version").asText());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("123456789012", event.get("account").asText());
        assertEquals("2019-07-08T10:00:00Z", event.get("time").asText());
        assertEquals("us-east-1", event.get("region").asText());
        assertTrue(event.at("/resources/0").asText().startsWith("arn:aws:events:us-east-1:123456789012:rule/"));
        assertTrue(event.get("detail").isObject() && event.get("detail").isEmpty());
        assertTrue(!event.get("id").asText().isEmpty());
    }

    @Test
    void setting_the_clock_back_before_a_fire_time_arms_it_again() {
        clockAt("2019-07-08T09:59:00Z");
        int before = finalizeCalls();
        clockAt("2019-07-08T10:00:30Z");
        clockAt("2019-07-08T09:59:00Z");
        clockAt("2019-07-08T10:00:30Z");
        assertEquals(before + 2, finalizeCalls());
    }

    @Test
    void a_schedule_v2_at_expression_fires_in_its_own_time_zone_with_its_input() {
        clockAt("2019-07-01T11:59:00Z"); // 19:59 in Shanghai
        int before = RecordingScheduleHandler.callsOf("ReminderFunction").size();
        clockAt("2019-07-01T12:00:30Z"); // 20:00:30 in Shanghai
        List<RecordingScheduleHandler.Call> calls = RecordingScheduleHandler.callsOf("ReminderFunction");
        assertEquals(before + 1, calls.size());
        assertEquals("{\"reminder\":\"evening\"}", calls.get(calls.size() - 1).event().toString());
    }

    @Test
    void the_project_s_finalize_schedule_takes_its_name_from_the_stack_so_two_stacks_do_not_clash() {
        SamTemplate project = SamTemplate.load(ProjectTemplate.find());
        Intrinsics intrinsics = new Intrinsics(project, Map.of(), new Intrinsics.Resources() {
            @Override
            public String ref(String logicalId) {
                throw new AssertionError("a schedule's properties name no resource: " + logicalId);
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                throw new AssertionError("a schedule's properties name no resource: " + logicalId);
            }
        });
        List<Scheduler.Target> finalize = Scheduler.targetsOf(project, intrinsics, Instant.parse("2019-06-26T00:00:00Z"))
                .stream().filter(t -> t.functionName().equals("FinalizeFunction")).toList();
        assertEquals(List.of("arn:aws:scheduler:us-east-1:123456789012:schedule/default/" + Intrinsics.STACK_NAME + "-finalize"),
                finalize.stream().map(Scheduler.Target::resourceArn).toList());
    }
}
