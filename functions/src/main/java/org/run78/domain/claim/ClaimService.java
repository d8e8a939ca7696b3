package org.run78.domain.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.company.Company;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.project.AidedProgress;
import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectBook;
import org.run78.domain.project.ProjectViews;

/** A company's one claim of the campaign, and the operators' listing of every claim. */
public final class ClaimService {
    private final Campaign campaign;
    private final ClaimPolicy policy;
    private final ClaimBook claims;
    private final ProjectBook projects;
    private final AidedProgress progress;
    private final ProjectViews views;
    private final Clock clock;

    public ClaimService(Campaign campaign, ClaimBook claims, ProjectBook projects, AidedProgress progress,
                        ProjectViews views, Clock clock) {
        if (campaign.claims().perCompany() != 1) {
            throw new IllegalStateException("campaign " + campaign.id() + ": field claims.perCompany is "
                    + campaign.claims().perCompany() + ", but claims are recorded as exactly one per company");
        }
        this.campaign = campaign;
        this.policy = new ClaimPolicy(campaign);
        this.claims = claims;
        this.projects = projects;
        this.progress = progress;
        this.views = views;
        this.clock = clock;
    }

    public ProjectViews views() {
        return views;
    }

    /** What POST /v1/claims answers, and what ALREADY_CLAIMED carries as `claim`. */
    public record Receipt(String claimId, String companyCode, String companyName, List<String> regions,
                          Long coverageAmountYuan, OffsetDateTime claimedAt) {}

    public Receipt claim(Company company, List<String> regions, Long coverageAmountYuan) {
        policy.requireWellFormed(regions);
        policy.requirePlausibleCoverage(coverageAmountYuan);
        Instant now = clock.instant();
        policy.requireOpen(now);
        policy.requireAided(regions);
        policy.requireCoverage(coverageAmountYuan);
        policy.requireGenerated(regions, progress.totals(regions, true));
        Claim claim = new Claim(Claim.idFor(campaign.id(), company.code()), company.code(), company.name(),
                regions, coverageAmountYuan, now);
        Optional<Claim> existing = claims.record(claim, claim.projects());
        if (existing.isPresent()) {
            throw new DomainException(ErrorCode.ALREADY_CLAIMED,
                    "company " + company.code() + " has made its one claim of the campaign already",
                    Map.of("claim", receipt(existing.get())));
        }
        return receipt(claim);
    }

    public Receipt receipt(Claim c) {
        return new Receipt(c.claimId(), c.companyCode(), c.companyName(), c.regions(), c.coverageAmountYuan(),
                views.at(c.claimedAt()));
    }

    /** Every claim, in the order made, rebuilt from its projects (one query). */
    public List<Claim> all() {
        return group(projects.all()).values().stream()
                .map(ps -> {
                    ClaimedProject p = ps.get(0);
                    return new Claim(p.claimId(), p.companyCode(), p.companyName(), p.claimRegions(),
                            p.coverageAmountYuan(), p.claimedAt());
                })
                .toList();
    }

    /** The operators' listing: every claim with each of its projects in full, and how many are overdue. */
    public record Listing(OffsetDateTime asOf, int claims, int projects, int overdue, List<ClaimWithProjects> entries) {}

    public record ClaimWithProjects(String claimId, String companyCode, String companyName, List<String> regions,
                                    Long coverageAmountYuan, OffsetDateTime claimedAt, List<ProjectViews.Detail> projects) {}

    public Listing listing() {
        Instant now = clock.instant();
        List<ClaimWithProjects> entries = new ArrayList<>();
        int projectCount = 0;
        int overdue = 0;
        for (List<ClaimedProject> ps : group(projects.all()).values()) {
            ClaimedProject first = ps.get(0);
            List<ProjectViews.Detail> details = ps.stream()
                    .sorted(Comparator.comparing(p -> first.claimRegions().indexOf(p.regionCode())))
                    .map(p -> views.detail(p, now))
                    .toList();
            projectCount += details.size();
            overdue += (int) details.stream().filter(ProjectViews.Detail::overdue).count();
            entries.add(new ClaimWithProjects(first.claimId(), first.companyCode(), first.companyName(),
                    first.claimRegions(), first.coverageAmountYuan(), views.at(first.claimedAt()), details));
        }
        return new Listing(views.at(now), entries.size(), projectCount, overdue, entries);
    }

    /** Projects grouped by claim, claims in the order made. */
    private static Map<String, List<ClaimedProject>> group(List<ClaimedProject> all) {
        Map<String, List<ClaimedProject>> byClaim = new LinkedHashMap<>();
        all.stream()
                .sorted(Comparator.comparing(ClaimedProject::claimedAt).thenComparing(ClaimedProject::companyCode))
                .forEach(p -> byClaim.computeIfAbsent(p.claimId(), k -> new ArrayList<>()).add(p));
        return byClaim;
    }
}
