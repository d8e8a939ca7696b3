package org.run78.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.run78.app.Json;

/**
 * EventBridge for Schedule and ScheduleV2 events, on the simulated clock: a function fires
 * when the clock passes one of its fire times. Missed fire times (the clock jumped) fire
 * once, not once each; setting the clock back re-arms what lies ahead of it again.
 */
public final class Scheduler implements AutoCloseable {
    record Target(String functionName, String eventName, ScheduleExpression expression, String input, String resourceArn) {
    }

    private final List<Target> targets;
    private final Map<String, LocalFunction> functions;
    private final Clock clock;
    private Instant checkedUpTo;
    private ScheduledExecutorService ticker;

    Scheduler(List<Target> targets, Map<String, LocalFunction> functions, Clock clock) {
        this.targets = List.copyOf(targets);
        this.functions = functions;
        this.clock = clock;
        this.checkedUpTo = clock.instant();
    }

    static List<Target> targetsOf(SamTemplate template, Intrinsics intrinsics, Instant start) {
        List<Target> targets = new ArrayList<>();
        for (ServerlessFunction function : template.functions()) {
            for (ServerlessFunction.Event event : function.events()) {
                boolean rule = event.type().equals("Schedule");
                if (!rule && !event.type().equals("ScheduleV2")) {
                    continue;
                }
                String where = function.logicalId() + ".Events." + event.name();
                Map<String, Object> p = Maps.of(intrinsics.resolve(event.properties()), where);
                if ("false".equals(String.valueOf(p.get("Enabled"))) || "DISABLED".equals(p.get("State"))) {
                    continue;
                }
                Object expression = p.get(rule ? "Schedule" : "ScheduleExpression");
                if (expression == null) {
                    throw new IllegalArgumentException(where + " has no " + (rule ? "Schedule" : "ScheduleExpression"));
                }
                // EventBridge rules always run in UTC; Scheduler schedules may name a zone.
                Object zoneName = rule ? null : p.get("ScheduleExpressionTimezone");
                ZoneId zone = zoneName == null ? ZoneOffset.UTC : ZoneId.of(String.valueOf(zoneName));
                String name = p.get("Name") == null ? function.logicalId() + event.name() : String.valueOf(p.get("Name"));
                String arn = rule
                        ? "arn:aws:events:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT_ID + ":rule/" + name
                        : "arn:aws:scheduler:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT_ID + ":schedule/default/" + name;
                targets.add(new Target(function.logicalId(), event.name(),
                        ScheduleExpression.parse(String.valueOf(expression), zone, start),
                        p.get("Input") == null ? null : String.valueOf(p.get("Input")), arn));
            }
        }
        return targets;
    }

    List<Target> targets() {
        return targets;
    }

    /** Fires every target with a fire time since the last check; returns how many fired. */
    public synchronized int runDue() {
        Instant now = clock.instant();
        if (now.isBefore(checkedUpTo)) {
            checkedUpTo = now;
            return 0;
        }
        int fired = 0;
        for (Target target : targets) {
            Optional<Instant> due = target.expression().nextFireAfter(checkedUpTo);
            if (due.isPresent() && !due.get().isAfter(now)) {
                fire(target, due.get());
                fired++;
            }
        }
        checkedUpTo = now;
        return fired;
    }

    private void fire(Target target, Instant time) {
        System.out.println("[" + target.functionName() + "] schedule " + target.eventName() + " fires for " + time);
        byte[] payload = (target.input() != null ? target.input() : scheduledEvent(target, time).toString())
                .getBytes(StandardCharsets.UTF_8);
        LocalFunction.Invocation invocation = functions.get(target.functionName()).invoke(payload);
        if (invocation.failed()) {
            System.out.println("[" + target.functionName() + "] scheduled invocation failed (EventBridge would retry it)");
        }
    }

    static ObjectNode scheduledEvent(Target target, Instant time) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", Intrinsics.ACCOUNT_ID);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", Intrinsics.REGION);
        event.putArray("resources").add(target.resourceArn());
        event.putObject("detail");
        return event;
    }

    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scheduler");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                System.out.println("local scheduler: " + LocalFunction.stackTrace(e));
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
