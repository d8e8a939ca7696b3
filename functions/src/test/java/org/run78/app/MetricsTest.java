package org.run78.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The embedded metric format as CloudWatch's specification states it, for the records we write. */
class MetricsTest {

    @Test
    void aRecordDeclaresItsNamespaceDimensionsAndMetricsAndCarriesEachValueAtTheTopLevel() throws IOException {
        JsonNode record = Json.parse(Metrics.record(1_561_510_800_000L, Map.of("Route", "POST /v1/donations",
                "Code", "BELOW_THRESHOLD"), List.of(Metrics.Value.count(Metrics.REFUSED, 1))));
        JsonNode directive = record.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(1_561_510_800_000L, record.get("_aws").get("Timestamp").asLong());
        assertEquals("Run78", directive.get("Namespace").asText());
        assertEquals(2, directive.get("Dimensions").get(0).size());
        directive.get("Dimensions").get(0).forEach(d -> assertTrue(record.get(d.asText()).isTextual(), d.asText()));
        assertEquals("Refused", directive.get("Metrics").get(0).get("Name").asText());
        assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asText());
        assertTrue(record.get("Refused").isIntegralNumber());
        assertEquals("BELOW_THRESHOLD", record.get("Code").asText());
    }

    @Test
    void aRecordWithoutDimensionsDeclaresOneEmptyDimensionSetSoItsMetricsAreStillExtracted() throws IOException {
        JsonNode record = Json.parse(Metrics.record(0, Map.of(), List.of(
                Metrics.Value.count(Metrics.DONATIONS_COUNTED, 3), Metrics.Value.millis(Metrics.AGGREGATION_LAG_MAX, 1500))));
        JsonNode directive = record.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(1, directive.get("Dimensions").size());
        assertEquals(0, directive.get("Dimensions").get(0).size());
        assertEquals(3, record.get(Metrics.DONATIONS_COUNTED).asLong());
        assertEquals(1500.0, record.get(Metrics.AGGREGATION_LAG_MAX).asDouble());
        assertEquals("Milliseconds", directive.get("Metrics").get(1).get("Unit").asText());
    }

    @Test
    void aMissingDimensionValueIsWrittenAsUnknownNotNullWhichCloudWatchWouldRejectTheRecordFor() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Metrics.refused("GET /v1/me", null);
        } finally {
            System.setOut(original);
        }
        JsonNode record = Json.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8).trim());
        assertEquals("unknown", record.get("Code").asText());
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).trim().lines().count() == 1, "one line per record");
    }
}
