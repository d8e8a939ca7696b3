package org.run78.handlers;

import java.util.Map;

import org.run78.app.Services;
import org.run78.auth.UserTokens;
import org.run78.domain.session.SessionService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.JsonBody;

/** POST /v1/sessions: a wx.login code in, our signed user token out. */
public final class SessionHandler extends ApiHandler {
    private final SessionService sessions;

    public SessionHandler() {
        this(Services.fromEnvironment());
    }

    public SessionHandler(Services services) {
        this.sessions = services.sessions();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String code = JsonBody.of(request).requiredString("code", 128);
        UserTokens.Issued issued = sessions.login(code);
        return ApiResponse.ok(Map.of("token", issued.token(), "expiresAt", issued.expiresAt()));
    }
}
