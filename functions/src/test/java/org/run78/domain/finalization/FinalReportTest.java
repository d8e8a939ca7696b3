package org.run78.domain.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.app.Json;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;

class FinalReportTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final Instant FINALIZED = Instant.parse("2019-07-08T10:00:20Z");
    static final LocalDate DAY = LocalDate.of(2019, 6, 30);

    static Donation donation(String user, String region, int steps) {
        return new Donation(Donation.idFor(user, DAY), user, DAY, region, steps, steps, Instant.parse("2019-06-30T01:00:00Z"));
    }

    static FinalReport report(List<Donation> ledger, Map<String, Instant> generated) {
        FinalReport.ClaimLine claim = new FinalReport.ClaimLine("c-1", "PICC", "中国人民保险", List.of("620000"), 20_000_000L,
                OffsetDateTime.parse("2019-07-02T10:00:00+08:00"));
        return FinalReport.build(CAMPAIGN, FINALIZED, LedgerSums.of(ledger), generated, List.of(claim),
                new FinalReport.Reconciliation(0, 0, 0, true, 0, List.of()));
    }

    @Test
    void theReportHoldsAll36RegionsRankedAll22AidedTotalsAndTheLedgersTotals() {
        FinalReport r = report(List.of(donation("u1", "330000", 30_000), donation("u2", "620000", 20_000),
                donation("u3", "110000", 40_000)), Map.of());
        assertEquals("2019", r.campaignId());
        assertEquals(OffsetDateTime.parse("2019-07-08T18:00:20+08:00"), r.finalizedAt(), "in the campaign's zone");
        assertEquals(new FinalReport.Totals(3, 3, 90_000), r.totals());
        assertEquals(36, r.regions().size());
        assertEquals(List.of("110000", "330000", "620000"), r.regions().subList(0, 3).stream().map(FinalReport.RegionLine::code).toList());
        assertEquals(List.of(1, 2, 3), r.regions().subList(0, 3).stream().map(FinalReport.RegionLine::rank).toList());
        assertTrue(r.regions().subList(3, 36).stream().allMatch(l -> l.rank() == 4 && l.steps() == 0), "ties share a rank");
        FinalReport.RegionLine zhejiang = r.regions().get(1);
        assertEquals("浙江", zhejiang.name());
        assertEquals("620000", zhejiang.aidedCode(), "Zhejiang's steps count toward Gansu");
        assertEquals(22, r.aided().size());
        FinalReport.AidedLine gansu = r.aided().get(0);
        assertEquals("620000", gansu.code());
        assertEquals("330000", gansu.helperCode());
        assertEquals(50_000, gansu.steps(), "own + helper's");
        assertEquals(78_000_000, gansu.target());
        assertFalse(gansu.projectGenerated());
        assertNull(gansu.generatedAt());
        assertEquals(1, r.claims().size());
    }

    @Test
    void aGeneratedProjectShowsItsGenerationTimeInTheCampaignsZone() {
        FinalReport r = report(List.of(), Map.of("150000", Instant.parse("2019-07-05T04:00:00Z")));
        FinalReport.AidedLine innerMongolia = r.aided().stream().filter(a -> a.code().equals("150000")).findFirst().orElseThrow();
        assertTrue(innerMongolia.projectGenerated());
        assertEquals(OffsetDateTime.parse("2019-07-05T12:00:00+08:00"), innerMongolia.generatedAt());
    }

    @Test
    void theReportReadBackFromItsJsonIsTheSameReport() {
        FinalReport r = report(List.of(donation("u1", "330000", 30_000)), Map.of("620000", Instant.parse("2019-07-05T04:00:00Z")));
        String json = Json.write(r);
        assertEquals(r, Json.read(json, FinalReport.class));
        assertEquals(json, Json.write(Json.read(json, FinalReport.class)), "byte for byte");
        assertTrue(json.contains("\"finalizedAt\":\"2019-07-08T18:00:20+08:00\""), json);
    }

    @Test
    void theCsvStartsWithAByteOrderMarkThenAHeaderAndOneRowPerRegionWithItsChineseName() {
        List<Donation> ledger = new ArrayList<>(List.of(donation("u1", "330000", 30_000)));
        String csv = FinalReportCsv.regions(report(ledger, Map.of()));
        assertTrue(csv.startsWith("\uFEFF"), "BOM");
        String[] lines = csv.substring(1).split("\r\n", -1);
        assertEquals(38, lines.length, "header, 36 rows, and the empty string after the last CRLF");
        assertEquals("rank,code,name,nameEn,steps,donations,aidedCode", lines[0]);
        assertEquals("1,330000,浙江,Zhejiang,30000,1,620000", lines[1]);
        assertEquals("", lines[37]);
        assertTrue(csv.contains(",620000,甘肃,Gansu,0,0,620000\r\n"));
    }

    @Test
    void aCsvFieldWithACommaOrAQuoteIsQuotedWithItsQuotesDoubled() {
        assertEquals("plain", FinalReportCsv.field("plain"));
        assertEquals("\"a,b\"", FinalReportCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", FinalReportCsv.field("say \"hi\""));
        assertEquals("", FinalReportCsv.field(null));
    }
}
