package org.run78.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.app.Log;

/**
 * What every SQS consumer shares: read the SQS event, process the batch, and answer with the
 * partial-batch failures (the template sets `ReportBatchItemFailures`), so that only the
 * messages that failed come back and a poison message cannot hold up the rest.
 */
public abstract class SqsBatchHandler implements RequestStreamHandler {

    /** Subclasses build their services in their constructors; this primes the shared SQS path (SnapStart). */
    protected SqsBatchHandler() {
        org.run78.http.Priming.sqs();
    }

    /** Processes the batch; returns the ids of the messages that must be delivered again. */
    protected abstract Set<String> process(List<SqsMessage> messages);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Log.bindRequest(context == null ? "" : context.getAwsRequestId());
        try {
            JsonNode event = Json.MAPPER.readTree(input);
            List<SqsMessage> messages = new ArrayList<>();
            for (JsonNode record : event.path("Records")) {
                messages.add(new SqsMessage(record.path("messageId").asText(), record.path("body").asText(),
                        record.path("attributes").path("ApproximateReceiveCount").asInt(1)));
            }
            Set<String> failed = process(messages);
            if (!failed.isEmpty()) {
                Log.warn("batch.partial_failure", "messages", messages.size(), "failed", failed.size());
            }
            List<Map<String, String>> failures = failed.stream().map(id -> Map.of("itemIdentifier", id)).toList();
            Json.MAPPER.writeValue(output, Map.of("batchItemFailures", failures));
        } finally {
            Log.unbindRequest();
        }
    }
}
