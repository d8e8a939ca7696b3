package org.run78.local;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EventBridge's six-field cron (minutes hours day-of-month month day-of-week year) with
 * numbers, names, *, ?, lists, ranges and steps. L, W and # are not supported.
 */
final class CronSchedule implements ScheduleExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek; // 1 = Sunday, as in EventBridge
    private final BitSet years;
    private final ZoneId zone;

    private CronSchedule(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
                         BitSet years, ZoneId zone) {
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.years = years;
        this.zone = zone;
    }

    static CronSchedule parse(String fields, ZoneId zone) {
        String[] f = fields.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("an EventBridge cron has 6 fields (min hour day month weekday year): " + fields);
        }
        return new CronSchedule(
                field(f[0], 0, 59, List.of(), 0),
                field(f[1], 0, 23, List.of(), 0),
                field(f[2], 1, 31, List.of(), 0),
                field(f[3], 1, 12, MONTHS, 1),
                field(f[4], 1, 7, DAYS, 1),
                field(f[5], FIRST_YEAR, LAST_YEAR, List.of(), 0),
                zone);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant instant) {
        ZonedDateTime from = instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        Instant earliest = from.toInstant();
        for (LocalDate day = from.toLocalDate(); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
            if (!years.get(day.getYear())) {
                if (years.nextSetBit(day.getYear()) < 0) {
                    return Optional.empty();
                }
                day = LocalDate.of(years.nextSetBit(day.getYear()), 1, 1).minusDays(1);
                continue;
            }
            if (!months.get(day.getMonthValue()) || !daysOfMonth.get(day.getDayOfMonth())
                    || !daysOfWeek.get(eventBridgeDayOfWeek(day.getDayOfWeek()))) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    Instant candidate = ZonedDateTime.of(day, LocalTime.of(hour, minute), zone).toInstant();
                    if (!candidate.isBefore(earliest)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int eventBridgeDayOfWeek(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static BitSet field(String text, int min, int max, List<String> names, int firstNameValue) {
        BitSet values = new BitSet();
        if (text.equals("?")) {
            values.set(min, max + 1); // "no constraint": the other day field decides
            return values;
        }
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
                if (step < 1) {
                    throw new IllegalArgumentException("a cron step must be positive: " + part);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, firstNameValue);
                to = value(ends[1], names, firstNameValue);
            } else {
                from = value(range, names, firstNameValue);
                to = slash >= 0 ? max : from; // "5/15" means from 5 on, every 15
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("cron field value out of range " + min + "-" + max + ": " + part);
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(String text, List<String> names, int firstNameValue) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + firstNameValue;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unsupported cron value (L, W and # are not supported locally): " + text);
        }
    }
}
