package org.run78.handlers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.app.Metrics;
import org.run78.app.Services;
import org.run78.domain.aggregation.AggregationService;
import org.run78.domain.donation.Donation;
import org.run78.events.SqsBatchHandler;
import org.run78.events.SqsMessage;

/** The donation queue's consumer: counts each donation into every total, exactly once. */
public final class AggregateHandler extends SqsBatchHandler {
    private final AggregationService aggregation;
    private final Clock clock;

    public AggregateHandler() {
        this(Services.fromEnvironment());
    }

    public AggregateHandler(Services services) {
        this.aggregation = services.aggregation();
        this.clock = services.clock();
    }

    @Override
    protected Set<String> process(List<SqsMessage> messages) {
        Set<String> failed = new HashSet<>();
        Map<String, List<String>> messagesOf = new HashMap<>();
        List<Donation> donations = new ArrayList<>();
        for (SqsMessage message : messages) {
            Donation donation = readDonation(message.body());
            if (donation == null) {
                Log.error("aggregate.unreadable_message", "messageId", message.messageId());
                failed.add(message.messageId());
                continue;
            }
            donations.add(donation);
            messagesOf.computeIfAbsent(donation.donationId(), id -> new ArrayList<>()).add(message.messageId());
        }
        AggregationService.Result result = aggregation.aggregate(donations);
        result.poison().forEach(id -> Log.error("aggregate.poison_donation", "donationId", id));
        result.retry().forEach(id -> Log.warn("aggregate.retry_donation", "donationId", id));
        for (String id : union(result.poison(), result.retry())) {
            failed.addAll(messagesOf.getOrDefault(id, List.of()));
        }
        Log.info("aggregate.batch", "messages", messages.size(), "counted", result.counted().size(),
                "failed", failed.size());
        recordLag(donations, result.counted());
        return failed;
    }

    /** How far counting runs behind donating: now minus donatedAt, the batch's maximum and mean. */
    private void recordLag(List<Donation> donations, Set<String> counted) {
        Instant now = clock.instant();
        long[] lags = donations.stream().filter(d -> counted.contains(d.donationId()))
                .mapToLong(d -> Math.max(0, Duration.between(d.donatedAt(), now).toMillis())).toArray();
        if (lags.length > 0) {
            Metrics.aggregated(lags.length, Arrays.stream(lags).max().orElse(0),
                    Math.round(Arrays.stream(lags).average().orElse(0)));
        }
    }

    private static Donation readDonation(String body) {
        try {
            Donation d = Json.read(body, Donation.class);
            boolean complete = d != null && d.donationId() != null && d.userId() != null && d.day() != null
                    && d.regionCode() != null && d.donatedAt() != null && d.countedSteps() > 0;
            return complete ? d : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
