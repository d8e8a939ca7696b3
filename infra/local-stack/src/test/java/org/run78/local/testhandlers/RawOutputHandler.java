package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.run78.app.Json;
import org.run78.app.Services;

/** Writes, byte for byte, the "output" text of the request body: any response a function could give. */
public final class RawOutputHandler implements RequestStreamHandler {
    public RawOutputHandler(Services services) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String body = Json.MAPPER.readTree(input).path("body").asText();
        output.write(Json.MAPPER.readTree(body).path("output").asText().getBytes(StandardCharsets.UTF_8));
    }
}
