package org.run78.domain.finalization;

import java.util.List;

/** Every company's claim, as the report lists them. */
@FunctionalInterface
public interface FinalClaims {
    List<FinalReport.ClaimLine> all();
}
