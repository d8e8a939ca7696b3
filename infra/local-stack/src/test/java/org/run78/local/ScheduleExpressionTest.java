package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2019-06-01T00:00:00Z");

    private static Optional<Instant> next(String expression, ZoneId zone, String after) {
        return ScheduleExpression.parse(expression, zone, START).nextFireAfter(Instant.parse(after));
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }

    @Test
    void a_cron_with_numbers_and_a_year_fires_once_then_never() {
        assertEquals(at("2019-07-08T10:00:00Z"), next("cron(0 10 8 7 ? 2019)", ZoneOffset.UTC, "2019-06-25T00:00:00Z"));
        assertEquals(Optional.empty(), next("cron(0 10 8 7 ? 2019)", ZoneOffset.UTC, "2019-07-08T10:00:00Z"));
    }

    @Test
    void the_next_fire_time_is_strictly_after_the_given_instant() {
        assertEquals(at("2019-07-08T10:01:00Z"), next("cron(* * * * ? *)", ZoneOffset.UTC, "2019-07-08T10:00:00Z"));
        assertEquals(at("2019-07-08T10:01:00Z"), next("cron(* * * * ? *)", ZoneOffset.UTC, "2019-07-08T10:00:59.999Z"));
    }

    @Test
    void ranges_steps_and_day_names_select_working_hours() {
        // 2019-07-06 is a Saturday: the next is Monday 09:00, then every 15 minutes.
        String workHours = "cron(0/15 9-17 ? * MON-FRI *)";
        assertEquals(at("2019-07-08T09:00:00Z"), next(workHours, ZoneOffset.UTC, "2019-07-06T12:00:00Z"));
        assertEquals(at("2019-07-08T09:15:00Z"), next(workHours, ZoneOffset.UTC, "2019-07-08T09:00:00Z"));
        assertEquals(at("2019-07-09T09:00:00Z"), next(workHours, ZoneOffset.UTC, "2019-07-08T17:45:00Z"));
    }

    @Test
    void lists_and_month_names_pick_exactly_the_listed_values() {
        String twiceMonthly = "cron(5,35 0 1,15 JAN,JUL ? *)";
        assertEquals(at("2019-07-01T00:05:00Z"), next(twiceMonthly, ZoneOffset.UTC, "2019-06-20T00:00:00Z"));
        assertEquals(at("2019-07-01T00:35:00Z"), next(twiceMonthly, ZoneOffset.UTC, "2019-07-01T00:05:00Z"));
        assertEquals(at("2019-07-15T00:05:00Z"), next(twiceMonthly, ZoneOffset.UTC, "2019-07-01T00:35:00Z"));
        assertEquals(at("2020-01-01T00:05:00Z"), next(twiceMonthly, ZoneOffset.UTC, "2019-07-15T00:35:00Z"));
    }

    @Test
    void day_of_week_numbers_count_from_sunday_as_in_eventbridge() {
        // 1 = Sunday: 2019-07-07 was one.
        assertEquals(at("2019-07-07T06:00:00Z"), next("cron(0 6 ? * 1 *)", ZoneOffset.UTC, "2019-07-03T00:00:00Z"));
    }

    @Test
    void a_schedule_in_a_time_zone_fires_at_that_zone_s_wall_clock_time() {
        // 18:00 in Shanghai is 10:00 UTC: the campaign's end.
        assertEquals(at("2019-07-08T10:00:00Z"), next("cron(0 18 8 7 ? 2019)", SHANGHAI, "2019-07-01T00:00:00Z"));
        assertEquals(at("2019-07-08T10:00:00Z"), next("at(2019-07-08T18:00:00)", SHANGHAI, "2019-07-01T00:00:00Z"));
        assertEquals(Optional.empty(), next("at(2019-07-08T18:00:00)", SHANGHAI, "2019-07-08T10:00:00Z"));
    }

    @Test
    void a_rate_counts_from_the_start_of_the_schedule() {
        assertEquals(at("2019-06-01T00:05:00Z"), next("rate(5 minutes)", ZoneOffset.UTC, "2019-06-01T00:00:00Z"));
        assertEquals(at("2019-06-01T02:00:00Z"), next("rate(1 hour)", ZoneOffset.UTC, "2019-06-01T01:00:00Z"));
        assertEquals(at("2019-06-03T00:00:00Z"), next("rate(1 day)", ZoneOffset.UTC, "2019-06-02T00:00:00Z"));
    }

    @Test
    void a_rate_still_fires_when_the_clock_is_set_back_before_the_schedule_was_created() {
        assertEquals(at("2019-05-31T23:40:00Z"), next("rate(10 minutes)", ZoneOffset.UTC, "2019-05-31T23:35:00Z"));
        assertEquals(at("2019-05-31T23:50:00Z"), next("rate(10 minutes)", ZoneOffset.UTC, "2019-05-31T23:40:00Z"));
    }

    @Test
    void what_is_not_supported_or_malformed_is_refused_with_a_message() {
        assertThrows(IllegalArgumentException.class, () -> next("cron(0 10 L * ? *)", ZoneOffset.UTC, "2019-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> next("cron(0 10 * * 2#1 *)", ZoneOffset.UTC, "2019-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> next("cron(0 10 * * ?)", ZoneOffset.UTC, "2019-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> next("cron(0 25 * * ? *)", ZoneOffset.UTC, "2019-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> next("every day", ZoneOffset.UTC, "2019-01-01T00:00:00Z"));
    }
}
