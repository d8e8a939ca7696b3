package org.run78.domain.claim;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.project.AidedProgress;
import org.run78.domain.project.ProjectReport;

/** The rules a claim must meet before it is written, each value from the campaign data. */
public final class ClaimPolicy {
    private final Campaign campaign;

    public ClaimPolicy(Campaign campaign) {
        this.campaign = campaign;
    }

    /** INVALID_REQUEST for an empty list, a repeated region or a code that is not 6 digits. */
    public void requireWellFormed(List<String> regions) {
        if (regions == null || regions.isEmpty()) {
            throw DomainException.invalid("regions must name at least one aided region");
        }
        Set<String> seen = new HashSet<>();
        for (String code : regions) {
            if (code == null || !code.matches("\\d{6}")) {
                throw DomainException.invalid("regions must be 6-digit region codes");
            }
            if (!seen.add(code)) {
                throw DomainException.invalid("region " + code + " is named twice");
            }
        }
    }

    /** Claims are taken only inside the campaign window. */
    public void requireOpen(Instant now) {
        switch (campaign.phaseAt(now)) {
            case UPCOMING -> throw new DomainException(ErrorCode.CAMPAIGN_NOT_STARTED,
                    "claims open at " + campaign.start() + " (" + campaign.zone() + ")");
            case CLOSED -> throw new DomainException(ErrorCode.CAMPAIGN_ENDED,
                    "claims closed at " + campaign.end() + " (" + campaign.zone() + ")");
            case OPEN -> { }
        }
    }

    /** NOT_AIDED_REGION naming every region that is not one of the campaign's aided regions. */
    public void requireAided(List<String> regions) {
        List<String> notAided = regions.stream()
                .filter(code -> campaign.region(code).map(r -> !r.aided()).orElse(true))
                .toList();
        if (!notAided.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_AIDED_REGION,
                    "only aided regions' projects can be claimed; not aided: " + String.join(", ", notAided),
                    Map.of("regions", notAided));
        }
    }

    /** INVALID_REQUEST for coverage beyond what a delivery may report: a mistyped figure, not a low one. */
    public void requirePlausibleCoverage(Long coverageAmountYuan) {
        long maximum = ProjectReport.Delivered.MAX_COVERAGE_YUAN;
        if (coverageAmountYuan != null && coverageAmountYuan > maximum) {
            throw DomainException.invalid("coverageAmountYuan must be at most " + maximum + " yuan");
        }
    }

    /** Coverage is optional; when given it must reach the campaign's minimum. */
    public void requireCoverage(Long coverageAmountYuan) {
        long minimum = campaign.claims().minCoverageYuan();
        if (coverageAmountYuan != null && coverageAmountYuan < minimum) {
            throw new DomainException(ErrorCode.COVERAGE_TOO_LOW,
                    "each project needs at least " + minimum + " yuan of cover", Map.of("minimumYuan", minimum));
        }
    }

    /** PROJECT_NOT_GENERATED naming every region whose project the steps have not generated yet. */
    public void requireGenerated(List<String> regions, Map<String, AidedProgress.AidedTotal> totals) {
        List<String> notGenerated = regions.stream()
                .filter(code -> totals.get(code) == null || !totals.get(code).generated())
                .toList();
        if (!notGenerated.isEmpty()) {
            throw new DomainException(ErrorCode.PROJECT_NOT_GENERATED,
                    "the steps have not generated these regions' projects yet: " + String.join(", ", notGenerated),
                    Map.of("regions", notGenerated));
        }
    }

    List<String> aidedCodes() {
        return campaign.aidedRegions().stream().map(Region::code).toList();
    }
}
