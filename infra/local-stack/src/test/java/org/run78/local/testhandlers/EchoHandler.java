package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import org.run78.app.Json;
import org.run78.app.Services;

/** Answers 200 with the event it got as the body, and what it knows of its container in headers. */
public final class EchoHandler implements RequestStreamHandler {
    private final Services services;

    public EchoHandler(Services services) {
        this.services = services;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("statusCode", 200);
        response.putObject("headers")
                .put("content-type", "application/json")
                .put("x-clock", services.clock().instant().toString())
                .put("x-function", context.getFunctionName())
                .put("x-remaining-ms", context.getRemainingTimeInMillis())
                .put("x-greeting", services.config().optional("GREETING").orElse("none"));
        response.put("body", event.toString());
        Json.MAPPER.writeValue(output, response);
    }
}
