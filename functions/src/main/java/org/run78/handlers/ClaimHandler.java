package org.run78.handlers;

import java.util.List;

import org.run78.app.Log;
import org.run78.app.Metrics;
import org.run78.app.Services;
import org.run78.domain.claim.ClaimService;
import org.run78.domain.company.Company;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.CompanyAuth;
import org.run78.http.JsonBody;

/** POST /v1/claims: a company's one claim of the campaign, naming the aided regions whose projects it takes on. */
public final class ClaimHandler extends ApiHandler {
    /** More entries than there are regions can only be a mistake; refused before any rule runs. */
    static final int MAX_REGIONS = 64;

    private final CompanyAuth auth;
    private final ClaimService claims;

    public ClaimHandler() {
        this(Services.fromEnvironment());
    }

    public ClaimHandler(Services services) {
        this.auth = services.companyAuth();
        this.claims = services.claims();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Company company = auth.company(request);
        JsonBody body = JsonBody.of(request);
        CompanyAuth.requireSameCompany(company, body.requiredString("companyCode", 64));
        List<String> regions = body.requiredStringList("regions", MAX_REGIONS, 16);
        Long coverage = body.optionalWholeNumber("coverageAmountYuan").orElse(null);
        ClaimService.Receipt receipt = claims.claim(company, regions, coverage);
        Log.info("claim.recorded", "claimId", receipt.claimId(), "companyCode", receipt.companyCode(),
                "regions", receipt.regions().size());
        Metrics.claimRecorded();
        return ApiResponse.created(receipt);
    }
}
