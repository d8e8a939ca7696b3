package org.run78.domain.finalization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;
import org.run78.domain.leaderboard.Ranking;

/**
 * The campaign's final report (API.md, GET /v1/report), published once by the finalizer and
 * never changed afterwards. Every number in it is the ledger's.
 *
 * @param regions        the 36 regions' own counted steps, ranked (1-based, ties share a rank)
 * @param aided          the 22 aided totals (own + helper's steps), in the campaign's order
 * @param claims         every company's claim, in the order made
 * @param reconciliation what the finalizer found and did on the way (beyond the contract)
 */
public record FinalReport(String campaignId, OffsetDateTime finalizedAt, Totals totals, List<RegionLine> regions,
                          List<AidedLine> aided, List<ClaimLine> claims, Reconciliation reconciliation) {

    public FinalReport {
        regions = List.copyOf(regions);
        aided = List.copyOf(aided);
        claims = List.copyOf(claims);
    }

    public record Totals(long donations, long donors, long countedSteps) {}

    public record RegionLine(int rank, String code, String name, String nameEn, long steps, long donations,
                             String aidedCode) {}

    public record AidedLine(String code, String name, String helperCode, long steps, long target,
                            boolean projectGenerated, OffsetDateTime generatedAt) {}

    public record ClaimLine(String claimId, String companyCode, String companyName, List<String> regions,
                            Long coverageAmountYuan, OffsetDateTime claimedAt) {
        public ClaimLine {
            regions = List.copyOf(regions);
        }
    }

    /**
     * @param countedAtFinalization donations the finalizer found uncounted and counted (through the exactly-once path)
     * @param corrections           stored totals it set to the ledger's value (each one is logged)
     * @param projectsMarkedGenerated aided regions whose reached target lacked a generation time
     * @param queueDrained          whether the donation queue was empty before the ledger was read
     * @param queueMessagesLeft     messages still in the queue when the bounded wait ended
     */
    /**
     * @param generatedBelowTarget aided regions whose project was generated (and may be claimed)
     *                             though the ledger's total is below the target: kept, and said
     */
    public record Reconciliation(long countedAtFinalization, int corrections, int projectsMarkedGenerated,
                                 boolean queueDrained, long queueMessagesLeft, List<String> generatedBelowTarget) {
        public Reconciliation {
            generatedBelowTarget = generatedBelowTarget == null ? List.of() : List.copyOf(generatedBelowTarget);
        }
    }

    /** The report of a ledger: every total from its sums, generation times as stored, claims as made. */
    public static FinalReport build(Campaign campaign, Instant finalizedAt, LedgerSums ledger,
                                    Map<String, Instant> generatedAt, List<ClaimLine> claims,
                                    Reconciliation reconciliation) {
        List<RegionLine> regions = Ranking.rank(campaign.regions(), r -> ledger.region(r.code()).steps(),
                (r, rank) -> new RegionLine(rank, r.code(), r.name(), r.nameEn(), ledger.region(r.code()).steps(),
                        ledger.region(r.code()).donations(), campaign.aidedTotalFor(r.code()).orElse(null)));
        Map<String, Long> aidedSteps = ledger.aidedSteps(campaign);
        List<AidedLine> aided = campaign.aidedRegions().stream().map(r -> {
            Instant generated = generatedAt.get(r.code());
            return new AidedLine(r.code(), r.name(), campaign.helperOf(r.code()).map(Region::code).orElse(null),
                    aidedSteps.getOrDefault(r.code(), 0L), campaign.aidedTargetSteps(), generated != null,
                    at(campaign, generated));
        }).toList();
        return new FinalReport(campaign.id(), at(campaign, finalizedAt),
                new Totals(ledger.donations(), ledger.donors(), ledger.countedSteps()),
                regions, aided, claims, reconciliation);
    }

    private static OffsetDateTime at(Campaign campaign, Instant instant) {
        return instant == null ? null : instant.atZone(campaign.zone()).toOffsetDateTime();
    }
}
