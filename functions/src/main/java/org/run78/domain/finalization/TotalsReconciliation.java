package org.run78.domain.finalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.run78.domain.aggregation.Totals;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;

/**
 * The arithmetic of reconciliation: what each shared total must be according to the ledger,
 * and where the stored totals differ from it.
 */
public final class TotalsReconciliation {
    private TotalsReconciliation() {}

    /** Every region total (steps and donations) and every aided total (steps) that differs from the ledger. */
    public static List<Drift> drifts(Campaign campaign, LedgerSums ledger, Totals stored) {
        List<Drift> drifts = new ArrayList<>();
        for (Region region : campaign.regions()) {
            Counts have = new Counts(stored.regionSteps().getOrDefault(region.code(), 0L),
                    stored.regionDonations().getOrDefault(region.code(), 0L));
            Counts should = ledger.region(region.code());
            if (!have.equals(should)) {
                drifts.add(new Drift(Drift.Scope.REGION, region.code(), have, should));
            }
        }
        Map<String, Long> aided = ledger.aidedSteps(campaign);
        for (Region region : campaign.aidedRegions()) {
            long have = stored.aidedSteps().getOrDefault(region.code(), 0L);
            long should = aided.getOrDefault(region.code(), 0L);
            if (have != should) {
                drifts.add(new Drift(Drift.Scope.AIDED, region.code(), new Counts(have, 0), new Counts(should, 0)));
            }
        }
        return drifts;
    }

    /**
     * The aided regions whose ledger total reaches the target but whose project has no
     * generation time yet. A generation time already set is never removed, even if the ledger
     * total turns out lower: a project once generated may have been claimed.
     */
    public static List<String> projectsToMarkGenerated(Campaign campaign, LedgerSums ledger,
                                                       Map<String, Instant> generatedAt) {
        Map<String, Long> aided = ledger.aidedSteps(campaign);
        return campaign.aidedRegions().stream()
                .map(Region::code)
                .filter(code -> aided.getOrDefault(code, 0L) >= campaign.aidedTargetSteps())
                .filter(code -> !generatedAt.containsKey(code))
                .toList();
    }

    /** Generated projects whose ledger total is below the target (kept, but worth a warning in the logs). */
    public static List<String> generatedBelowTarget(Campaign campaign, LedgerSums ledger, Map<String, Instant> generatedAt) {
        Map<String, Long> aided = ledger.aidedSteps(campaign);
        return generatedAt.keySet().stream()
                .filter(code -> aided.getOrDefault(code, 0L) < campaign.aidedTargetSteps())
                .sorted()
                .toList();
    }
}
