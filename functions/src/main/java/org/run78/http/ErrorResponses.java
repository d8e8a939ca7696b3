package org.run78.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** The one place where domain errors become HTTP statuses and the contract's error body. */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static int status(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    public static ApiResponse of(DomainException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Map.of("code", e.code().name(), "message", e.getMessage()));
        body.putAll(e.details());
        return ApiResponse.json(status(e.code()), body);
    }

    public static ApiResponse of(ErrorCode code, String message) {
        return of(new DomainException(code, message));
    }
}
