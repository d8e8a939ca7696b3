package org.run78.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.run78.app.Log;
import org.run78.app.Services;
import org.run78.domain.claim.ClaimService;
import org.run78.domain.company.CompanyService;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.http.AdminAuth;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.JsonBody;

/**
 * The operators' company registry and claim listing (admin token):
 * POST /v1/admin/companies registers a company and shows its credential once;
 * GET /v1/admin/claims lists every claim with each project's status, deadline and reports.
 */
public final class AdminHandler extends ApiHandler {
    private final AdminAuth auth;
    private final CompanyService companies;
    private final ClaimService claims;

    public AdminHandler() {
        this(Services.fromEnvironment());
    }

    public AdminHandler(Services services) {
        this.auth = services.adminAuth();
        this.companies = services.companies();
        this.claims = services.claims();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        auth.require(request);
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /v1/admin/companies" -> register(request);
            case "GET /v1/admin/claims" -> ApiResponse.ok(claims.listing());
            default -> throw new DomainException(ErrorCode.NOT_FOUND, "no operator call " + route);
        };
    }

    private ApiResponse register(ApiRequest request) {
        JsonBody body = JsonBody.of(request);
        CompanyService.Registration registration = companies.register(
                body.requiredString("companyCode", 64), body.requiredString("name", 200));
        Log.info("company.registered", "companyCode", registration.company().code());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("companyCode", registration.company().code());
        answer.put("name", registration.company().name());
        answer.put("credential", registration.credential());
        answer.put("registeredAt", claims.views().at(registration.company().registeredAt()));
        return ApiResponse.created(answer);
    }
}
