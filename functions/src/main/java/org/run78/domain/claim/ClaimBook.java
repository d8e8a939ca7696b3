package org.run78.domain.claim;

import java.util.List;
import java.util.Optional;

import org.run78.domain.project.ClaimedProject;

/** Where claims are recorded, together with the projects they create. */
public interface ClaimBook {

    /**
     * Records the claim and its projects in one write whose own condition allows one claim per
     * company (never a read before it). Empty when recorded; otherwise the claim the company
     * already made, and nothing is written.
     */
    Optional<Claim> record(Claim claim, List<ClaimedProject> projects);
}
