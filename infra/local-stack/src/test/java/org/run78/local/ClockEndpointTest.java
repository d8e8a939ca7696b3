package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClockEndpointTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start("minimal.yaml");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void put_sets_the_clock_and_get_reads_it_in_the_campaign_s_offset_running_on() {
        LocalHttp.Answer set = LocalHttp.put(stack.uri("/_local/clock"), "{\"now\":\"2019-06-25T08:00:00+08:00\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals("2019-06-25T08:00:00+08:00", set.json().get("now").asText());

        LocalHttp.Answer read = LocalHttp.get(stack.uri("/_local/clock"));
        assertEquals(200, read.status());
        String now = read.json().get("now").asText();
        assertTrue(now.endsWith("+08:00"), now);
        Instant instant = OffsetDateTime.parse(now).toInstant();
        Instant setTo = Instant.parse("2019-06-25T00:00:00Z");
        assertFalse(instant.isBefore(setTo));
        assertTrue(instant.isBefore(setTo.plus(Duration.ofMinutes(5))), "runs on at real speed from the set instant");
        assertTrue(Duration.between(stack.clock().instant(), setTo).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "the functions' clock is the one set");
    }

    @Test
    void utc_and_zone_id_forms_are_accepted() {
        assertEquals("2019-07-08T18:00:00+08:00",
                LocalHttp.put(stack.uri("/_local/clock"), "{\"now\":\"2019-07-08T10:00:00Z\"}").json().get("now").asText());
        assertEquals("2019-07-08T18:00:00+08:00", LocalHttp.put(stack.uri("/_local/clock"),
                "{\"now\":\"2019-07-08T18:00:00+08:00[Asia/Shanghai]\"}").json().get("now").asText());
    }

    @Test
    void bad_input_answers_400_in_the_error_shape() {
        for (String body : new String[] {"{}", "not json", "{\"now\":\"yesterday\"}", "{\"now\":\"2019-06-25T08:00:00\"}",
                "{\"now\":42}"}) {
            LocalHttp.Answer answer = LocalHttp.put(stack.uri("/_local/clock"), body);
            assertEquals(400, answer.status(), body);
            assertEquals("INVALID_REQUEST", answer.json().at("/error/code").asText(), body);
        }
        assertEquals(405, LocalHttp.send(HttpRequest.newBuilder(stack.uri("/_local/clock")).DELETE()).status());
    }

    @Test
    void the_simulated_clock_runs_on_from_the_instant_set_in_every_zone_view() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2019-06-25T00:00:00Z"));
        java.time.Clock shanghai = clock.withZone(java.time.ZoneId.of("Asia/Shanghai"));
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        Instant seen = shanghai.instant();
        assertFalse(seen.isBefore(Instant.parse("2020-01-01T00:00:00Z")));
        assertTrue(seen.isBefore(Instant.parse("2020-01-01T00:05:00Z")));
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), shanghai.getZone());
        Instant later = shanghai.instant();
        assertFalse(later.isBefore(seen), "never runs backwards by itself");
    }
}
