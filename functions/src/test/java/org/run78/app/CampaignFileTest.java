package org.run78.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;

class CampaignFileTest {

    static String original() throws IOException {
        try (InputStream in = CampaignFileTest.class.getClassLoader().getResourceAsStream("campaigns/2019.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the2019CampaignHas36RegionsOf22AreAidedAnd14HelpOneEach() {
        Campaign c = CampaignFile.load("campaigns/2019.json");
        assertEquals(36, c.regions().size());
        assertEquals(22, c.aidedRegions().size());
        assertEquals(14, c.regions().stream().filter(r -> r.helps().isPresent()).count());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.zone());
        assertEquals(78_000_000L, c.aidedTargetSteps());
    }

    @Test
    void zhejiangRunsForGansuAndShenzhenForGuangxi() {
        Campaign c = CampaignFile.load("campaigns/2019.json");
        assertEquals("330000", c.helperOf("620000").map(Region::code).orElseThrow());
        assertEquals("440300", c.helperOf("450000").map(Region::code).orElseThrow());
        assertEquals("620000", c.aidedTotalFor("330000").orElseThrow());
        assertTrue(c.helperOf("130000").isEmpty(), "Hebei has no helper");
    }

    @Test
    void aMissingFieldFailsAtStartNamingTheField() throws IOException {
        String broken = original().replace("\"dailyThreshold\": 7800,", "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.parse("broken.json", broken));
        assertTrue(e.getMessage().contains("donations.dailyThreshold"), e.getMessage());
    }

    @Test
    void aMalformedTimeZoneNamesTheField() throws IOException {
        String broken = original().replace("Asia/Shanghai", "Asia/Nowhere");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.parse("broken.json", broken));
        assertTrue(e.getMessage().contains("timeZone"), e.getMessage());
    }

    @Test
    void aHelperOfARegionThatIsNotAidedIsRefused() throws IOException {
        String broken = original().replaceFirst("\"helps\": \"620000\"", "\"helps\": \"110000\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.parse("broken.json", broken));
        assertTrue(e.getMessage().contains("regions[1].helps"), e.getMessage());
    }

    @Test
    void aRegionCodeThatIsNotSixDigitsIsRefused() throws IOException {
        String broken = original().replaceFirst("\"code\": \"620000\"", "\"code\": \"62000\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.parse("broken.json", broken));
        assertTrue(e.getMessage().contains("regions[0].code"), e.getMessage());
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() throws IOException {
        String broken = original().replace("2019-07-08T18:00:00", "2019-06-01T18:00:00");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.parse("broken.json", broken));
        assertTrue(e.getMessage().contains("window.end"), e.getMessage());
    }

    @Test
    void aFileThatIsNotOnTheClassPathIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignFile.load("campaigns/2099.json"));
        assertTrue(e.getMessage().contains("campaigns/2099.json"), e.getMessage());
    }
}
