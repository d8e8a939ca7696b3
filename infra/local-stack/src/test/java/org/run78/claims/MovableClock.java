package org.run78.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that stands still until moved. */
final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(String offsetDateTime) {
        set(offsetDateTime);
    }

    void set(String offsetDateTime) {
        now = OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
