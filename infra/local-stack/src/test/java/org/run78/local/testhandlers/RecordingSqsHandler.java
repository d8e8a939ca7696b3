package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.run78.app.Json;
import org.run78.app.Services;

/**
 * Counts each message body it is given, reports bodies starting with "fail" as failed items,
 * and throws for a batch holding a body that starts with "throw".
 */
public final class RecordingSqsHandler implements RequestStreamHandler {
    public static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();
    public static final List<JsonNode> EVENTS = new CopyOnWriteArrayList<>();

    public RecordingSqsHandler(Services services) {
    }

    public static int deliveriesOf(String body) {
        AtomicInteger count = DELIVERIES.get(body);
        return count == null ? 0 : count.get();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        EVENTS.add(event);
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        boolean fail = false;
        for (JsonNode record : event.path("Records")) {
            String body = record.path("body").asText();
            DELIVERIES.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            if (body.startsWith("fail")) {
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            }
            fail |= body.startsWith("throw");
        }
        if (fail) {
            throw new IllegalStateException("a test message asked this batch to fail");
        }
        Json.MAPPER.writeValue(output, response);
    }
}
