package org.run78.handlers;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.app.Services;
import org.run78.domain.aggregation.Sweeper;

/** Scheduled: re-publishes donations still uncounted after the grace period, folds left-over deltas. */
public final class SweepHandler implements RequestStreamHandler {
    private final Sweeper sweeper;

    public SweepHandler() {
        this(Services.fromEnvironment());
    }

    public SweepHandler(Services services) {
        this.sweeper = services.sweeper();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Log.bindRequest(context == null ? "" : context.getAwsRequestId());
        try {
            Sweeper.Sweep sweep = sweeper.sweep();
            Log.info("sweep.done", "republished", sweep.republished(), "failedToPublish", sweep.failedToPublish());
            Json.MAPPER.writeValue(output, Map.of("republished", sweep.republished(), "failedToPublish", sweep.failedToPublish()));
        } finally {
            Log.unbindRequest();
        }
    }
}
