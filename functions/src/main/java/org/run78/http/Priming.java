package org.run78.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.Json;
import org.run78.domain.error.ErrorCode;

/**
 * Work done once at init so that SnapStart's snapshot holds it (and so that a plain cold start
 * pays it before the first request's clock runs): Jackson's first read of an event and first
 * write of each response type cost more than the rest of a warm request. Only local work: no
 * network call, no credentials, no clock, no random numbers, nothing a restored copy of the
 * snapshot must not share with another.
 */
public final class Priming {
    private static final String HTTP_EVENT = "{\"version\":\"2.0\",\"routeKey\":\"POST /prime\",\"rawPath\":\"/prime\","
            + "\"headers\":{\"content-type\":\"application/json\",\"authorization\":\"Bearer x\"},"
            + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/prime\"},\"requestId\":\"prime\"},"
            + "\"pathParameters\":{\"p\":\"1\"},\"body\":\"{\\\"a\\\":\\\"b\\\",\\\"n\\\":1}\",\"isBase64Encoded\":false}";
    private static final String SQS_EVENT = "{\"Records\":[{\"messageId\":\"prime\",\"body\":\"{}\","
            + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}";
    private static volatile boolean httpDone;
    private static volatile boolean sqsDone;

    private Priming() {}

    /** An HTTP API event read, its JSON body read, a response and an error response written. */
    public static void http() {
        if (httpDone) {
            return;
        }
        try {
            ApiRequest request = ApiRequest.fromEvent(Json.parse(HTTP_EVENT));
            JsonBody body = JsonBody.of(request);
            body.optionalString("a", 8);
            body.optionalWholeNumber("n");
            request.bearerToken();
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), ApiResponse.ok(Map.of("primed", true)));
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), ErrorResponses.of(ErrorCode.INVALID_REQUEST, "priming"));
        } catch (IOException | RuntimeException ignored) {
            // Priming only saves time; a failure here must not stop the function from starting.
        }
        httpDone = true;
    }

    /** An SQS event read and a partial-batch answer written. */
    public static void sqs() {
        if (sqsDone) {
            return;
        }
        try {
            JsonNode event = Json.parse(SQS_EVENT);
            event.path("Records").forEach(r -> r.path("attributes").path("ApproximateReceiveCount").asInt(1));
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(),
                    Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "prime"))));
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
        sqsDone = true;
    }
}
