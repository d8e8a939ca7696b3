package org.run78.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;

/** The 2019 campaign file with one value changed: shows a rule reads the data, not a constant. */
public final class CampaignVariants {
    private CampaignVariants() {}

    public static Campaign with(String from, String to) {
        try (InputStream in = CampaignVariants.class.getClassLoader().getResourceAsStream("campaigns/2019.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!json.contains(from)) {
                throw new IllegalStateException("the campaign file has no " + from);
            }
            return CampaignFile.parse("variant.json", json.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
