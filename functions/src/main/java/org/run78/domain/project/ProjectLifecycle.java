package org.run78.domain.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.ProjectRules;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/**
 * The rules a claimed project follows after its claim, all from the campaign data: the order
 * of reports, the terms a delivery must meet, and the deadlines (delivery within
 * `projects.deliveryWithin` of the campaign's end; results within `projects.resultsWithin` of
 * completion). A project past its current deadline is overdue; a report that arrives late is
 * still taken, and marked late.
 */
public final class ProjectLifecycle {
    private static final Map<Class<? extends ProjectReport>, Set<ProjectStatus>> ALLOWED_FROM = Map.of(
            ProjectReport.Delivered.class, EnumSet.of(ProjectStatus.CLAIMED),
            ProjectReport.Payout.class, EnumSet.of(ProjectStatus.DELIVERED, ProjectStatus.PAYOUTS),
            ProjectReport.Completed.class, EnumSet.of(ProjectStatus.DELIVERED, ProjectStatus.PAYOUTS),
            ProjectReport.ResultsPublished.class, EnumSet.of(ProjectStatus.COMPLETED));

    private static final Map<Class<? extends ProjectReport>, ProjectStatus> RESULT = Map.of(
            ProjectReport.Delivered.class, ProjectStatus.DELIVERED,
            ProjectReport.Payout.class, ProjectStatus.PAYOUTS,
            ProjectReport.Completed.class, ProjectStatus.COMPLETED,
            ProjectReport.ResultsPublished.class, ProjectStatus.RESULTS_PUBLISHED);

    private final Campaign campaign;
    private final ProjectRules rules;

    public ProjectLifecycle(Campaign campaign) {
        this.campaign = campaign;
        this.rules = campaign.projects();
    }

    /** The status a report moves a project to; INVALID_TRANSITION when it comes out of order. */
    public ProjectStatus next(ProjectStatus current, ProjectReport report) {
        if (!ALLOWED_FROM.get(report.getClass()).contains(current)) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION,
                    "a " + report.type() + " report cannot follow status " + current.apiName()
                            + " (the order is delivered, payouts, completed, results-published)",
                    Map.of("status", current.apiName()));
        }
        return RESULT.get(report.getClass());
    }

    /** PROJECT_TERMS_NOT_MET, naming each unmet term, unless the delivery meets all of them. */
    public void requireTerms(ProjectReport.Delivered delivery) {
        List<String> unmet = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (delivery.beneficiaries() < rules.minBeneficiaries()) {
            unmet.add("beneficiaries");
            why.add("at least " + rules.minBeneficiaries() + " registered poor beneficiaries");
        }
        if (delivery.coverageAmountYuan() < rules.minCoverageYuan()) {
            unmet.add("coverageAmountYuan");
            why.add("at least " + rules.minCoverageYuan() + " yuan of cover");
        }
        if (!coversAtLeastTheMinimumTerm(delivery.coverFrom(), delivery.coverTo())) {
            unmet.add("coverTerm");
            why.add("at least " + rules.minCoverTerm() + " of cover");
        }
        if (!unmet.isEmpty()) {
            throw new DomainException(ErrorCode.PROJECT_TERMS_NOT_MET,
                    "the project must have " + String.join(", ", why), Map.of("unmet", unmet));
        }
    }

    /** Both days included: cover from D to D + term - 1 day is exactly the term. */
    boolean coversAtLeastTheMinimumTerm(LocalDate from, LocalDate to) {
        return !to.plusDays(1).isBefore(from.plus(rules.minCoverTerm()));
    }

    /** By when every claimed project must be delivered. */
    public Instant deliveryDeadline() {
        return campaign.end().atZone(campaign.zone()).plus(rules.deliveryWithin()).toInstant();
    }

    /** By when a project completed at `completedAt` must publish its results. */
    public Instant resultsDeadline(Instant completedAt) {
        return completedAt.atZone(campaign.zone()).plus(rules.resultsWithin()).toInstant();
    }

    /** The deadline the project's current status runs against, if any. */
    public Optional<Instant> deadline(ClaimedProject project) {
        return switch (project.status()) {
            case CLAIMED -> Optional.of(deliveryDeadline());
            case COMPLETED -> project.completedAt().map(this::resultsDeadline);
            case DELIVERED, PAYOUTS, RESULTS_PUBLISHED -> Optional.empty();
        };
    }

    /** Past its current deadline without the report that meets it. */
    public boolean overdue(ClaimedProject project, Instant now) {
        return deadline(project).map(now::isAfter).orElse(false);
    }

    /** The project after a report made at `now`, or the refusal: out of order, or a delivery short of the terms. */
    public ClaimedProject apply(ClaimedProject project, ProjectReport report, Instant now) {
        ProjectStatus next = next(project.status(), report);
        if (report instanceof ProjectReport.Delivered delivery) {
            requireTerms(delivery);
        }
        boolean late = overdue(project, now);
        return project.after(next, new ReportEntry(report, now, late));
    }
}
