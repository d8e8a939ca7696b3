package org.run78.domain.error;

/**
 * Every error the API answers with, by the contract's code. The kind says what sort of
 * failure it is; the HTTP layer maps kinds to statuses in one place.
 */
public enum ErrorCode {
    INVALID_REQUEST(Kind.INVALID),
    UNAUTHORIZED(Kind.UNAUTHENTICATED),
    FORBIDDEN(Kind.FORBIDDEN),
    NOT_FOUND(Kind.NOT_FOUND),
    WECHAT_LOGIN_FAILED(Kind.UNAUTHENTICATED),
    WECHAT_RATE_LIMITED(Kind.TOO_MANY_REQUESTS),
    WECHAT_UNAVAILABLE(Kind.UNAVAILABLE),
    INVALID_RUN_DATA(Kind.UNPROCESSABLE),
    BELOW_THRESHOLD(Kind.UNPROCESSABLE),
    IMPLAUSIBLE_STEPS(Kind.UNPROCESSABLE),
    ALREADY_DONATED_TODAY(Kind.CONFLICT),
    CAMPAIGN_NOT_STARTED(Kind.CONFLICT),
    CAMPAIGN_ENDED(Kind.CONFLICT),
    // Companies: registry, claims, project tracking.
    COMPANY_EXISTS(Kind.CONFLICT),
    ALREADY_CLAIMED(Kind.CONFLICT),
    INVALID_TRANSITION(Kind.CONFLICT),
    NOT_AIDED_REGION(Kind.UNPROCESSABLE),
    PROJECT_NOT_GENERATED(Kind.UNPROCESSABLE),
    COVERAGE_TOO_LOW(Kind.UNPROCESSABLE),
    PROJECT_TERMS_NOT_MET(Kind.UNPROCESSABLE),
    // Finalization: the final report exists only after the campaign's end.
    NOT_FINALIZED(Kind.CONFLICT),
    CAMPAIGN_NOT_ENDED(Kind.CONFLICT),
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE),
    INTERNAL(Kind.INTERNAL);

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_MANY_REQUESTS, UNAVAILABLE, INTERNAL }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
