package org.run78.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An EventBridge schedule expression: cron(...), at(...) or rate(...). */
interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)");
    Pattern AT = Pattern.compile("at\\(\\s*([^)]+?)\\s*\\)");

    /** The first fire time strictly after {@code instant}, if there is one. */
    Optional<Instant> nextFireAfter(Instant instant);

    /** Rates count from {@code start}, the moment the schedule was created (and back from it). */
    static ScheduleExpression parse(String expression, ZoneId zone, Instant start) {
        String text = expression.trim();
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return CronSchedule.parse(text.substring(5, text.length() - 1), zone);
        }
        Matcher at = AT.matcher(text);
        if (at.matches()) {
            try {
                Instant once = LocalDateTime.parse(at.group(1)).atZone(zone).toInstant();
                return after -> once.isAfter(after) ? Optional.of(once) : Optional.empty();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("at(...) takes yyyy-mm-ddThh:mm:ss: " + expression);
            }
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            String unit = rate.group(2).toLowerCase(Locale.ROOT);
            Duration period = unit.startsWith("minute") ? Duration.ofMinutes(amount)
                    : unit.startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount);
            if (period.isZero()) {
                throw new IllegalArgumentException("a rate must be positive: " + expression);
            }
            long periodMillis = period.toMillis();
            // Fire times run both ways from the start, so that a clock set back before it still sees them.
            return after -> Optional.of(start.plusMillis(
                    (Math.floorDiv(Duration.between(start, after).toMillis(), periodMillis) + 1) * periodMillis));
        }
        throw new IllegalArgumentException("not a schedule expression (cron(...), at(...), rate(...)): " + expression);
    }
}
