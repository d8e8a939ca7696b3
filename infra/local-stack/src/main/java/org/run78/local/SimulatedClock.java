package org.run78.local;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that can be set to any instant and then runs on from there at real speed. */
public final class SimulatedClock extends Clock {
    private record Anchor(Instant instant, long nanoTime) {
    }

    private final AtomicReference<Anchor> anchor; // shared by every zone view of this clock
    private final ZoneId zone;

    public SimulatedClock(Instant start) {
        this(new AtomicReference<>(new Anchor(start, System.nanoTime())), ZoneOffset.UTC);
    }

    private SimulatedClock(AtomicReference<Anchor> anchor, ZoneId zone) {
        this.anchor = anchor;
        this.zone = zone;
    }

    /** An ISO-8601 date-time that names its offset ("2019-06-25T08:00:00+08:00", "...Z", "...+08:00[Asia/Shanghai]"). */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffsetOnly) {
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time with an offset, like "
                        + "2019-06-25T08:00:00+08:00: " + text);
            }
        }
    }

    public void set(Instant now) {
        anchor.set(new Anchor(now, System.nanoTime()));
    }

    @Override
    public Instant instant() {
        Anchor a = anchor.get();
        return a.instant().plusNanos(System.nanoTime() - a.nanoTime());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimulatedClock(anchor, newZone);
    }
}
