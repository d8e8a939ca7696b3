package org.run78.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.app.Log;
import org.run78.app.Metrics;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/**
 * What every HTTP function shares: read the API Gateway event, call the route, and turn
 * every failure into the contract's error shape. Nothing a client sends can produce a 500
 * here; a 500 means a bug or an outage, and is logged with the request id.
 */
public abstract class ApiHandler implements RequestStreamHandler {

    /** Subclasses build their services in their constructors; this primes the shared HTTP path (SnapStart). */
    protected ApiHandler() {
        Priming.http();
    }

    protected abstract ApiResponse handle(ApiRequest request);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiResponse response;
        String requestId = context == null ? "" : context.getAwsRequestId();
        Log.bindRequest(requestId);
        try {
            JsonNode event = Json.MAPPER.readTree(input);
            ApiRequest request = ApiRequest.fromEvent(event);
            // The route key names the route, not the request ("POST /v1/projects/{regionCode}/reports"),
            // so metrics keep one series per route and no ids in their dimensions.
            response = answer(request, event.path("routeKey").asText(request.method() + " " + request.path()));
        } catch (IOException | RuntimeException unreadable) {
            Log.error("request.unreadable_event", "error", unreadable.getClass().getSimpleName());
            response = ErrorResponses.of(ErrorCode.INVALID_REQUEST, "the request could not be read");
        } finally {
            Log.unbindRequest();
        }
        Json.MAPPER.writeValue(output, response);
    }

    private ApiResponse answer(ApiRequest request, String routeKey) {
        try {
            return handle(request);
        } catch (DomainException e) {
            Log.info("request.refused", "route", routeKey, "code", e.code().name());
            Metrics.refused(routeKey, e.code().name());
            return ErrorResponses.of(e);
        } catch (RuntimeException e) {
            Log.error("request.failed", "route", routeKey,
                    "error", e.getClass().getName(), "detail", String.valueOf(e.getMessage()));
            Metrics.failed(routeKey);
            return ErrorResponses.of(ErrorCode.INTERNAL, "something went wrong on our side; try again");
        }
    }
}
