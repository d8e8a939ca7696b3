package org.run78.local;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.run78.app.Json;

/** GET/PUT /_local/clock: reads and sets the simulated clock, shown in the campaign's time zone. */
final class ClockEndpoint implements LocalEndpoint {
    static final String PATH = "/_local/clock";

    private final SimulatedClock clock;
    private final ZoneId zone;

    ClockEndpoint(SimulatedClock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public HttpAnswer answer(HttpRequestData request) {
        if (!request.rawPath().equals(PATH)) {
            return HttpAnswer.error(404, "NOT_FOUND", "no local call " + request.rawPath());
        }
        switch (request.method()) {
            case "GET":
                return now(clock.instant());
            case "PUT":
                try {
                    Instant now = SimulatedClock.parse(JsonBodies.requiredText(JsonBodies.object(request), "now"));
                    clock.set(now);
                    return now(now);
                } catch (IllegalArgumentException e) {
                    return HttpAnswer.error(400, "INVALID_REQUEST", e.getMessage());
                }
            default:
                return HttpAnswer.error(405, "METHOD_NOT_ALLOWED", "use GET or PUT on " + PATH);
        }
    }

    private HttpAnswer now(Instant now) {
        String text = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MILLIS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return HttpAnswer.json(200, Json.MAPPER.createObjectNode().put("now", text).toString());
    }
}
