package org.run78.handlers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportContentNegotiationTest {

    @Test
    void acceptTextCsvGivesTheCsv() {
        assertTrue(ReportHandler.prefersCsv("text/csv"));
        assertTrue(ReportHandler.prefersCsv("Text/CSV; charset=utf-8"));
        assertTrue(ReportHandler.prefersCsv("text/csv, application/json;q=0.5"));
        assertTrue(ReportHandler.prefersCsv("application/json;q=0.2, text/csv;q=0.9"));
    }

    @Test
    void noAcceptAWildcardOrJsonFirstGivesJson() {
        assertFalse(ReportHandler.prefersCsv(""));
        assertFalse(ReportHandler.prefersCsv("*/*"));
        assertFalse(ReportHandler.prefersCsv("application/json"));
        assertFalse(ReportHandler.prefersCsv("application/json, text/csv"));
        assertFalse(ReportHandler.prefersCsv("text/csv;q=0, */*"));
        assertFalse(ReportHandler.prefersCsv("text/html"));
    }
}
