package org.run78.domain.project;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The aided totals and project generation, as the aggregation keeps them. */
public interface AidedProgress {

    /** An aided region's total (own + helper's counted steps) and when its project was generated, if it was. */
    record AidedTotal(String regionCode, long steps, Instant generatedAt) {
        public boolean generated() {
            return generatedAt != null;
        }
    }

    /**
     * The totals of these aided regions, by code; a region with nothing counted yet is absent.
     * `consistent` asks for a strongly consistent read (a claim must see a generation a
     * millisecond old).
     */
    Map<String, AidedTotal> totals(Collection<String> regionCodes, boolean consistent);
}
