package org.run78.domain.project;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.run78.domain.campaign.Campaign;

/** Projects as the API shows them: times with the campaign's offset, statuses by their API names. */
public final class ProjectViews {
    private final Campaign campaign;
    private final ProjectLifecycle lifecycle;

    public ProjectViews(Campaign campaign, ProjectLifecycle lifecycle) {
        this.campaign = campaign;
        this.lifecycle = lifecycle;
    }

    /** GET /v1/projects: every aided region's project. */
    public record Overview(OffsetDateTime asOf, List<AidedProject> projects) {}

    public record AidedProject(String regionCode, String name, long steps, long target, boolean generated,
                               OffsetDateTime generatedAt, List<ClaimSummary> claims) {}

    /** One company's claim of a region's project, as the public sees it. */
    public record ClaimSummary(String companyCode, String companyName, Long coverageAmountYuan, String status,
                               OffsetDateTime deadline, boolean overdue, OffsetDateTime claimedAt) {}

    /** A claimed project in full: what a report answers and what operators see. */
    public record Detail(String regionCode, String regionName, String companyCode, String companyName, String claimId,
                         Long coverageAmountYuan, OffsetDateTime claimedAt, String status, OffsetDateTime deadline,
                         boolean overdue, DeliveryView delivery, ClaimedProject.PayoutTotals payouts,
                         OffsetDateTime completedAt, ResultsView results, List<Map<String, Object>> reports, long version) {}

    public record DeliveryView(long beneficiaries, long coverageAmountYuan, LocalDate coverFrom, LocalDate coverTo,
                               OffsetDateTime reportedAt, boolean late) {}

    public record ResultsView(String url, OffsetDateTime publishedAt, boolean late) {}

    public ClaimSummary summary(ClaimedProject p, Instant now) {
        return new ClaimSummary(p.companyCode(), p.companyName(), p.coverageAmountYuan(), p.status().apiName(),
                at(lifecycle.deadline(p).orElse(null)), lifecycle.overdue(p, now), at(p.claimedAt()));
    }

    public Detail detail(ClaimedProject p, Instant now) {
        DeliveryView delivery = p.last(ProjectReport.Delivered.class).map(e -> {
            ProjectReport.Delivered d = (ProjectReport.Delivered) e.report();
            return new DeliveryView(d.beneficiaries(), d.coverageAmountYuan(), d.coverFrom(), d.coverTo(), at(e.at()), e.late());
        }).orElse(null);
        ResultsView results = p.last(ProjectReport.ResultsPublished.class)
                .map(e -> new ResultsView(((ProjectReport.ResultsPublished) e.report()).url(), at(e.at()), e.late()))
                .orElse(null);
        String regionName = campaign.region(p.regionCode()).map(r -> r.name()).orElse(null);
        return new Detail(p.regionCode(), regionName, p.companyCode(), p.companyName(), p.claimId(),
                p.coverageAmountYuan(), at(p.claimedAt()), p.status().apiName(), at(lifecycle.deadline(p).orElse(null)),
                lifecycle.overdue(p, now), delivery, p.payoutTotals(), at(p.completedAt().orElse(null)), results,
                p.reports().stream().map(this::entry).toList(), p.version());
    }

    Map<String, Object> entry(ReportEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", e.report().type());
        view.put("at", at(e.at()));
        view.put("late", e.late());
        if (e.report() instanceof ProjectReport.Delivered d) {
            view.put("beneficiaries", d.beneficiaries());
            view.put("coverageAmountYuan", d.coverageAmountYuan());
            view.put("coverFrom", d.coverFrom());
            view.put("coverTo", d.coverTo());
        } else if (e.report() instanceof ProjectReport.Payout payout) {
            view.put("amountYuan", payout.amountYuan());
            view.put("cases", payout.cases());
        } else if (e.report() instanceof ProjectReport.ResultsPublished r) {
            view.put("url", r.url());
        }
        return view;
    }

    public OffsetDateTime at(Instant instant) {
        return at(instant, campaign.zone());
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
