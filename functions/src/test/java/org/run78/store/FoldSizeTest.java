package org.run78.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;

/** How many deltas one fold takes follows the campaign's number of totals, within DynamoDB's 100 actions. */
class FoldSizeTest {
    static final Campaign Y2019 = CampaignFile.load("campaigns/2019.json");

    static Campaign withExtraAidedRegions(int extra) {
        List<Region> regions = new ArrayList<>(Y2019.regions());
        for (int i = 0; i < extra; i++) {
            regions.add(new Region(String.valueOf(900_000 + i), "地区" + i, "Region " + i, true, Optional.empty()));
        }
        Campaign c = Y2019;
        return new Campaign(c.id(), c.name(), c.zone(), c.start(), c.end(), c.donations(), c.aidedTargetSteps(),
                c.topDonors(), c.badges(), c.claims(), c.projects(), regions);
    }

    @Test
    void the2019CampaignsFiftyEightTotalsLeaveRoomForFortyDeltasAFold() {
        assertEquals(36 + 22, Y2019.regions().size() + Y2019.aidedRegions().size());
        assertEquals(40, DynamoDonationCounter.deltasPerFold(Y2019));
    }

    @Test
    void aCampaignWithMoreTotalsFoldsFewerDeltasAtOnceSoEveryFoldStaysWithinOneTransaction() {
        Campaign larger = withExtraAidedRegions(10); // 46 regions, 32 aided: 78 totals
        int deltas = DynamoDonationCounter.deltasPerFold(larger);
        assertEquals(22, deltas);
        assertTrue(deltas + larger.regions().size() + larger.aidedRegions().size() <= 100);
    }

    @Test
    void aCampaignWhoseTotalsFillATransactionIsRefusedWhenTheCounterIsBuilt() {
        Campaign tooLarge = withExtraAidedRegions(21); // 57 regions, 43 aided: 100 totals
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DynamoDonationCounter(null, tooLarge, "ledger", "users", "state"));
        assertTrue(refused.getMessage().contains("57 regions and 43 aided totals"), refused.getMessage());
    }
}
