package org.run78.http;

import java.time.Clock;

import org.run78.auth.UserTokens;

/** Verifies the user token of a request, on every call. */
public final class UserAuth {
    private final UserTokens tokens;
    private final Clock clock;

    public UserAuth(UserTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The id of the user the request's bearer token was issued to; UNAUTHORIZED otherwise. */
    public String userId(ApiRequest request) {
        return tokens.verify(request.bearerToken().orElse(null), clock.instant());
    }
}
