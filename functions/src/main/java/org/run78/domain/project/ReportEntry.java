package org.run78.domain.project;

import java.time.Instant;

/** One report in a project's history: what was reported, when, and whether it came after its deadline. */
public record ReportEntry(ProjectReport report, Instant at, boolean late) {}
