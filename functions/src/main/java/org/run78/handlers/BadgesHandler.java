package org.run78.handlers;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.app.Services;
import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.badge.BadgeService;
import org.run78.events.SqsBatchHandler;
import org.run78.events.SqsMessage;

/**
 * The badges function: consumes donation events (the donation JSON the donate path
 * publishes, fanned out to the badge queue) and evaluates each donor's badges once per
 * batch from the ledger. A message that cannot be read, or whose donor's evaluation fails,
 * is reported as failed: it comes back, and after the queue's maxReceiveCount lands in the DLQ.
 */
public final class BadgesHandler extends SqsBatchHandler {
    private final BadgeService badges;

    public BadgesHandler() {
        this(Services.fromEnvironment());
    }

    public BadgesHandler(Services services) {
        this.badges = services.badges();
    }

    private record Event(String messageId, LocalDate day) {}

    @Override
    protected Set<String> process(List<SqsMessage> messages) {
        Set<String> failed = new HashSet<>();
        Map<String, List<Event>> byDonor = new LinkedHashMap<>();
        for (SqsMessage message : messages) {
            try {
                JsonNode donation = Json.parse(message.body());
                String userId = donation.path("userId").asText("");
                if (userId.isBlank()) {
                    throw new IllegalArgumentException("no userId");
                }
                LocalDate day = LocalDate.parse(donation.path("day").asText(""));
                byDonor.computeIfAbsent(userId, u -> new ArrayList<>()).add(new Event(message.messageId(), day));
            } catch (IOException | IllegalArgumentException | DateTimeParseException unreadable) {
                Log.warn("badges.unreadable_event", "messageId", message.messageId(),
                        "receiveCount", message.receiveCount(), "error", unreadable.getClass().getSimpleName());
                failed.add(message.messageId());
            }
        }
        byDonor.forEach((userId, events) -> {
            Set<LocalDate> days = new TreeSet<>();
            events.forEach(e -> days.add(e.day()));
            try {
                for (AwardedBadge badge : badges.evaluate(userId, days)) {
                    Log.info("badge.awarded", "userId", userId, "badgeId", badge.id(), "awardedAt", badge.awardedAt().toString());
                }
            } catch (RuntimeException e) {
                Log.error("badges.evaluation_failed", "userId", userId, "events", events.size(),
                        "error", e.getClass().getName(), "detail", String.valueOf(e.getMessage()));
                events.forEach(ev -> failed.add(ev.messageId()));
            }
        });
        return failed;
    }
}
