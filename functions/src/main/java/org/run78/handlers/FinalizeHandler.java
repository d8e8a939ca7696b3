package org.run78.handlers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.app.Metrics;
import org.run78.app.Services;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.finalization.FinalizationService;
import org.run78.http.AdminAuth;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;

/**
 * The finalizer (docs/finalization.md), one function for its two triggers: the EventBridge
 * schedule at the campaign's end, and POST /v1/admin/finalize (admin token), which answers 200
 * with the final report. Both run the same service; running it again changes nothing.
 */
public final class FinalizeHandler implements RequestStreamHandler {
    private final FinalizationService finalization;
    private final Admin admin;

    public FinalizeHandler() {
        this(Services.fromEnvironment());
    }

    public FinalizeHandler(Services services) {
        this.finalization = services.finalization();
        this.admin = new Admin(services.adminAuth(), this);
    }

    /** One run, whichever the trigger, counted by outcome (Run78/FinalizerRuns). */
    FinalizationService.Outcome run() {
        try {
            FinalizationService.Outcome outcome = finalization.run();
            Metrics.finalizerRun(outcome.publishedNow() ? "finalized" : "already-final");
            return outcome;
        } catch (DomainException e) {
            Metrics.finalizerRun(e.code() == ErrorCode.CAMPAIGN_NOT_ENDED ? "not-ended" : "failed");
            throw e;
        } catch (RuntimeException e) {
            Metrics.finalizerRun("failed");
            throw e;
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        if (isHttpApiEvent(event)) {
            admin.handleRequest(new ByteArrayInputStream(event), output, context);
            return;
        }
        Log.bindRequest(context == null ? "" : context.getAwsRequestId());
        try {
            FinalizationService.Outcome outcome = run();
            Log.info("finalize.scheduled_run", "publishedNow", outcome.publishedNow(),
                    "finalizedAt", outcome.report().finalizedAt());
            Json.MAPPER.writeValue(output, outcome.report());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.CAMPAIGN_NOT_ENDED) {
                throw e;
            }
            // A schedule firing early would be a template error; retrying cannot help, so answer, don't fail.
            Log.warn("finalize.refused", "code", e.code().name(), "detail", e.getMessage());
            Json.MAPPER.writeValue(output, Map.of("error", Map.of("code", e.code().name(), "message", e.getMessage())));
        } finally {
            Log.unbindRequest();
        }
    }

    private static boolean isHttpApiEvent(byte[] event) {
        try {
            JsonNode node = Json.MAPPER.readTree(event);
            return node != null && node.path("requestContext").has("http");
        } catch (IOException notJson) {
            return false;
        }
    }

    /** POST /v1/admin/finalize: the admin token, then the same run; 409 CAMPAIGN_NOT_ENDED before the end. */
    static final class Admin extends ApiHandler {
        private final AdminAuth auth;
        private final FinalizeHandler finalizer;

        Admin(AdminAuth auth, FinalizeHandler finalizer) {
            this.auth = auth;
            this.finalizer = finalizer;
        }

        @Override
        protected ApiResponse handle(ApiRequest request) {
            auth.require(request);
            String route = request.method() + " " + request.path();
            if (!route.equals("POST /v1/admin/finalize")) {
                throw new DomainException(ErrorCode.NOT_FOUND, "no operator call " + route);
            }
            return ApiResponse.ok(finalizer.run().report());
        }
    }
}
