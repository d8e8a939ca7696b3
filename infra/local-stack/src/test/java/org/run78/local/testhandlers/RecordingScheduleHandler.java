package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.run78.app.Json;
import org.run78.app.Services;

/** Keeps every event it is invoked with, and by which function. */
public final class RecordingScheduleHandler implements RequestStreamHandler {
    public record Call(String functionName, JsonNode event) {
    }

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    public RecordingScheduleHandler(Services services) {
    }

    public static List<Call> callsOf(String functionName) {
        return CALLS.stream().filter(c -> c.functionName().equals(functionName)).toList();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CALLS.add(new Call(context.getFunctionName(), Json.MAPPER.readTree(input)));
    }
}
