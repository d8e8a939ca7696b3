package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import org.run78.app.Services;

/** Fails every invocation, as a handler with a bug would. */
public final class ThrowingHandler implements RequestStreamHandler {
    public ThrowingHandler(Services services) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new IllegalStateException("boom (thrown on purpose by a test handler)");
    }
}
