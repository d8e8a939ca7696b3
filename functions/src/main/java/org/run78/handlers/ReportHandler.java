package org.run78.handlers;

import java.util.Locale;
import java.util.Map;

import org.run78.app.Services;
import org.run78.domain.finalization.FinalReport;
import org.run78.domain.finalization.FinalReportCsv;
import org.run78.domain.finalization.FinalReportService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;

/**
 * GET /v1/report: the final report (409 NOT_FINALIZED before the finalizer published it).
 * `Accept: text/csv` gives the region table as CSV, UTF-8 with a byte order mark so that a
 * spreadsheet shows the Chinese names; errors stay JSON, through the same error path.
 */
public final class ReportHandler extends ApiHandler {
    static final String CSV = "text/csv; charset=utf-8";

    private final FinalReportService reports;

    public ReportHandler() {
        this(Services.fromEnvironment());
    }

    public ReportHandler(Services services) {
        this.reports = services.finalReports();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        FinalReport report = reports.published();
        if (prefersCsv(request.header("accept").orElse(""))) {
            return new ApiResponse(200, Map.of("content-type", CSV,
                    "content-disposition", "attachment; filename=\"run78-" + report.campaignId() + "-regions.csv\""),
                    FinalReportCsv.regions(report), false);
        }
        return ApiResponse.ok(report);
    }

    /**
     * Whether the Accept header ranks text/csv above application/json (q-values; equal ranks
     * go to the one listed first; a wildcard or nothing means JSON).
     */
    static boolean prefersCsv(String accept) {
        double csv = -1;
        double json = -1;
        int csvAt = Integer.MAX_VALUE;
        int jsonAt = Integer.MAX_VALUE;
        String[] ranges = accept.toLowerCase(Locale.ROOT).split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().split(";");
            double q = 1.0;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            String type = parts[0].trim();
            if ((type.equals("text/csv")) && q > csv) {
                csv = q;
                csvAt = i;
            } else if ((type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) && q > json) {
                json = q;
                jsonAt = i;
            }
        }
        return csv > 0 && (csv > json || (csv == json && csvAt < jsonAt));
    }
}
