package org.run78.domain.project;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;
import org.run78.domain.company.Company;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** The public view of every aided region's project, and the reports that carry a claimed project through. */
public final class ProjectService {
    /** How many times a report is re-decided when another report on the same project got in first. */
    static final int ATTEMPTS = 5;

    private final Campaign campaign;
    private final ProjectLifecycle lifecycle;
    private final ProjectViews views;
    private final ProjectBook book;
    private final AidedProgress progress;
    private final Clock clock;

    public ProjectService(Campaign campaign, ProjectBook book, AidedProgress progress, Clock clock) {
        this.campaign = campaign;
        this.lifecycle = new ProjectLifecycle(campaign);
        this.views = new ProjectViews(campaign, lifecycle);
        this.book = book;
        this.progress = progress;
        this.clock = clock;
    }

    public ProjectLifecycle lifecycle() {
        return lifecycle;
    }

    public ProjectViews views() {
        return views;
    }

    /** GET /v1/projects: the 22 aided regions, their totals and generation, and each claim with its status and deadline. */
    public ProjectViews.Overview overview() {
        Instant now = clock.instant();
        List<Region> aided = campaign.aidedRegions();
        Map<String, AidedProgress.AidedTotal> totals = progress.totals(aided.stream().map(Region::code).toList(), false);
        Map<String, List<ClaimedProject>> claimed = new HashMap<>();
        for (ClaimedProject p : book.all()) {
            claimed.computeIfAbsent(p.regionCode(), k -> new ArrayList<>()).add(p);
        }
        List<ProjectViews.AidedProject> projects = new ArrayList<>();
        for (Region region : aided) {
            AidedProgress.AidedTotal total = totals.get(region.code());
            List<ProjectViews.ClaimSummary> claims = claimed.getOrDefault(region.code(), List.of()).stream()
                    .sorted(Comparator.comparing(ClaimedProject::claimedAt).thenComparing(ClaimedProject::companyCode))
                    .map(p -> views.summary(p, now))
                    .toList();
            projects.add(new ProjectViews.AidedProject(region.code(), region.name(),
                    total == null ? 0 : total.steps(), campaign.aidedTargetSteps(),
                    total != null && total.generated(), views.at(total == null ? null : total.generatedAt()), claims));
        }
        return new ProjectViews.Overview(views.at(now), projects);
    }

    /**
     * A company's report on its project in a region: FORBIDDEN unless it claimed that region;
     * INVALID_TRANSITION out of order; PROJECT_TERMS_NOT_MET for a delivery short of the terms.
     * The write is conditional on the state the decision was made on; a lost race is re-decided.
     */
    public ProjectViews.Detail report(Company company, String regionCode, ProjectReport report) {
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw DomainException.invalid("regionCode must be a 6-digit region code");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ClaimedProject current = book.find(regionCode, company.code()).orElseThrow(() -> new DomainException(
                    ErrorCode.FORBIDDEN, "company " + company.code() + " has not claimed the project of region " + regionCode));
            Instant now = clock.instant();
            ClaimedProject updated = lifecycle.apply(current, report, now);
            if (book.replace(current, updated)) {
                return views.detail(updated, now);
            }
        }
        throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "the project is being updated by another report; try again");
    }
}
