package org.run78.domain.finalization;

import java.util.Optional;

/** Where the final report is published, once. */
public interface FinalReports {

    Optional<FinalReport> published();

    /**
     * Publishes the report unless one is published already (the store's own condition, so two
     * concurrent runs publish one). Empty when this one was published; else the earlier one.
     */
    Optional<FinalReport> publish(FinalReport report);
}
