package org.run78.domain.project;

import java.util.List;
import java.util.Optional;

/** Where claimed projects are kept (they are created with their claim, see ClaimBook). */
public interface ProjectBook {

    /** Every claimed project, of every company and region. */
    List<ClaimedProject> all();

    /** A company's project in a region, read strongly consistent. */
    Optional<ClaimedProject> find(String regionCode, String companyCode);

    /**
     * Writes `updated` only over `current` (same version and status): false, writing nothing,
     * when another report got there first.
     */
    boolean replace(ClaimedProject current, ClaimedProject updated);
}
