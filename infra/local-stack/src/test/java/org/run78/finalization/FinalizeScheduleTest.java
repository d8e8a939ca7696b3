package org.run78.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.local.ProjectTemplate;
import org.run78.local.SamTemplate;
import org.run78.local.ServerlessFunction;

/**
 * The finalizer's schedule is written in template.yaml, the campaign's end in its data file;
 * this test is what keeps them in step: a new edition's file and the schedule change together.
 */
class FinalizeScheduleTest {
    static final SamTemplate TEMPLATE = SamTemplate.load(ProjectTemplate.find());

    static ServerlessFunction function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + logicalId + " in template.yaml"));
    }

    /** The campaign the deployed functions load: the template's CampaignFile parameter, by default. */
    static Campaign deployedCampaign() {
        return CampaignFile.load(String.valueOf(TEMPLATE.parameters().get("CampaignFile").get("Default")));
    }

    @Test
    void theFinalizeScheduleIsTheCampaignFilesWindowEndInTheCampaignsZone() {
        Campaign campaign = deployedCampaign();
        List<ServerlessFunction.Event> schedules = function("FinalizeFunction").events().stream()
                .filter(e -> e.type().equals("ScheduleV2")).toList();
        assertEquals(1, schedules.size(), "one schedule: the campaign's end");
        Map<String, Object> schedule = schedules.get(0).properties();
        String end = campaign.end().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        assertEquals("at(" + end + ")", schedule.get("ScheduleExpression"),
                "the schedule must be the campaign file's window.end (" + end + "); change both together");
        assertEquals(campaign.zone().getId(), schedule.get("ScheduleExpressionTimezone"),
                "the schedule's zone must be the campaign file's timeZone");
        assertEquals("at(2019-07-08T18:00:00)", schedule.get("ScheduleExpression"), "2019: 8 July, 18:00");
    }

    @Test
    void theScheduleIsOnAndGivesTheFinalizerItsOwnInput() {
        Map<String, Object> schedule = function("FinalizeFunction").events().stream()
                .filter(e -> e.type().equals("ScheduleV2")).findFirst().orElseThrow().properties();
        assertTrue(schedule.get("State") == null || "ENABLED".equals(schedule.get("State")));
        assertEquals("{\"trigger\": \"campaign-end\"}", schedule.get("Input"));
    }

    @Test
    void theOperatorsFinalizeCallAndThePublicReportAreRoutedToTheirFunctions() {
        assertTrue(routes("FinalizeFunction").contains("POST /v1/admin/finalize"));
        assertEquals(List.of("GET /v1/report"), routes("ReportFunction"));
        assertEquals("org.run78.handlers.FinalizeHandler", function("FinalizeFunction").handlerClassName());
        assertEquals("org.run78.handlers.ReportHandler", function("ReportFunction").handlerClassName());
    }

    @Test
    void theFinalizerHasTheTimeForItsWaitsAndTheLedgerScan() {
        Object timeout = function("FinalizeFunction").properties().get("Timeout");
        assertEquals("900", String.valueOf(timeout), "Lambda's maximum: the drain wait (2 min) plus the scan");
    }

    static List<String> routes(String logicalId) {
        return function(logicalId).events().stream().filter(e -> e.type().equals("HttpApi"))
                .map(e -> e.properties().get("Method") + " " + e.properties().get("Path")).toList();
    }
}
