package org.run78.domain.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * @param runDataMaxAge     how old WeChat's watermark may be when the run data reaches us
 * @param runDataClockSkew  how far in the future a watermark may be before it is a forgery
 */
public record DonationRules(int dailyThreshold, int dailyCeiling, Set<LocalDate> doubleDays,
                            int doubleDayMultiplier, Duration runDataMaxAge, Duration runDataClockSkew) {

    public long countedSteps(LocalDate day, int steps) {
        return doubleDays.contains(day) ? (long) steps * doubleDayMultiplier : steps;
    }
}
