package org.run78.handlers;

import org.run78.app.Log;
import org.run78.app.Services;
import org.run78.domain.company.Company;
import org.run78.domain.error.DomainException;
import org.run78.domain.project.ProjectReport;
import org.run78.domain.project.ProjectService;
import org.run78.domain.project.ProjectViews;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.CompanyAuth;
import org.run78.http.JsonBody;

/** POST /v1/projects/{regionCode}/reports: a company reports on a project it claimed. */
public final class ProjectReportHandler extends ApiHandler {
    private final CompanyAuth auth;
    private final ProjectService projects;

    public ProjectReportHandler() {
        this(Services.fromEnvironment());
    }

    public ProjectReportHandler(Services services) {
        this.auth = services.companyAuth();
        this.projects = services.projects();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Company company = auth.company(request);
        String regionCode = request.pathParameters().get("regionCode");
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw DomainException.invalid("the path must name a 6-digit region code");
        }
        JsonBody body = JsonBody.of(request);
        body.optionalString("companyCode", 64).ifPresent(code -> CompanyAuth.requireSameCompany(company, code));
        ProjectReport report = report(body);
        ProjectViews.Detail project = projects.report(company, regionCode, report);
        Log.info("project.reported", "companyCode", company.code(), "regionCode", regionCode,
                "type", report.type(), "status", project.status());
        return ApiResponse.created(project);
    }

    static ProjectReport report(JsonBody body) {
        String type = body.requiredString("type", 32);
        return switch (type) {
            case "delivered" -> new ProjectReport.Delivered(body.requiredWholeNumber("beneficiaries"),
                    body.requiredWholeNumber("coverageAmountYuan"), body.requiredDay("coverFrom"), body.requiredDay("coverTo"));
            case "payout" -> new ProjectReport.Payout(body.requiredWholeNumber("amountYuan"), body.requiredWholeNumber("cases"));
            case "completed" -> new ProjectReport.Completed();
            case "results-published" -> new ProjectReport.ResultsPublished(
                    body.requiredString("url", ProjectReport.ResultsPublished.MAX_URL_LENGTH));
            default -> throw DomainException.invalid(
                    "type must be one of delivered, payout, completed, results-published");
        };
    }
}
