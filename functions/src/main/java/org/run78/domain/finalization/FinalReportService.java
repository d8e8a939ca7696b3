package org.run78.domain.finalization;

import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** GET /v1/report: the published final report. Once published it never changes, so it is kept once read. */
public final class FinalReportService {
    private final FinalReports reports;
    private volatile FinalReport published;

    public FinalReportService(FinalReports reports) {
        this.reports = reports;
    }

    /** The final report; NOT_FINALIZED until the finalizer has published it. */
    public FinalReport published() {
        FinalReport report = published;
        if (report == null) {
            report = reports.published().orElseThrow(() -> new DomainException(ErrorCode.NOT_FINALIZED,
                    "the final report is published when the campaign has been finalized"));
            published = report;
        }
        return report;
    }
}
