package org.run78.local;

import java.time.ZoneId;
import org.run78.app.CampaignFile;

/** The campaign's time zone, the one place the local stack learns it: from the campaign data file. */
final class CampaignZone {
    private CampaignZone() {
    }

    static ZoneId of(String campaignFile) {
        return CampaignFile.load(campaignFile).zone();
    }
}
