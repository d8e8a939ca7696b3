package org.run78.domain.donation;

import java.time.LocalDate;

/** What the donation rules made of a day's run data. */
public record AcceptedSteps(LocalDate day, int steps, long countedSteps) {}
