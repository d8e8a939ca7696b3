package org.run78.domain.claim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.run78.domain.project.ClaimedProject;

/**
 * A company's claim of the projects of one or more aided regions.
 *
 * @param coverageAmountYuan the coverage stated at claim time ("选填"), or null when left open
 */
public record Claim(String claimId, String companyCode, String companyName, List<String> regions,
                    Long coverageAmountYuan, Instant claimedAt) {

    public Claim {
        regions = List.copyOf(regions);
    }

    /** One claim per company per campaign: its id is derived from that business key, so a retry keeps it. */
    public static String idFor(String campaignId, String companyCode) {
        return UUID.nameUUIDFromBytes(("claim#" + campaignId + "#" + companyCode).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The projects the claim creates, one per region, each at status claimed. */
    public List<ClaimedProject> projects() {
        return regions.stream()
                .map(r -> ClaimedProject.claimed(r, companyCode, companyName, claimId, regions, coverageAmountYuan, claimedAt))
                .toList();
    }
}
