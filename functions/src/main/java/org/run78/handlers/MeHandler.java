package org.run78.handlers;

import org.run78.app.Services;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.profile.MeService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.JsonBody;
import org.run78.http.UserAuth;

/** GET /v1/me: the user's own page. PUT /v1/me {"displayName"}: the name shown in the top donors. */
public final class MeHandler extends ApiHandler {
    /** A bound on what is read before trimming; the name itself is checked by DisplayName. */
    private static final int RAW_NAME_LIMIT = 1_024;

    private final UserAuth auth;
    private final MeService me;

    public MeHandler() {
        this(Services.fromEnvironment());
    }

    public MeHandler(Services services) {
        this.auth = services.userAuth();
        this.me = services.me();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String userId = auth.userId(request);
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(me.me(userId));
            case "PUT" -> ApiResponse.ok(me.rename(userId, JsonBody.of(request).requiredString("displayName", RAW_NAME_LIMIT)));
            default -> throw new DomainException(ErrorCode.NOT_FOUND, request.method() + " /v1/me is not a route");
        };
    }
}
