package org.run78.domain.aggregation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;

/** The counted totals as stored: each region's own steps, each aided total, and generated projects. */
public record Totals(Map<String, Long> regionSteps, Map<String, Long> regionDonations, Map<String, Long> aidedSteps,
                     Map<String, Instant> generatedAt) {

    public Totals {
        regionSteps = Map.copyOf(regionSteps);
        regionDonations = Map.copyOf(regionDonations);
        aidedSteps = Map.copyOf(aidedSteps);
        generatedAt = Map.copyOf(generatedAt);
    }

    /** The aided regions whose total has reached the target and whose project is not generated yet. */
    public List<String> projectsToGenerate(Campaign campaign) {
        return campaign.aidedRegions().stream()
                .map(Region::code)
                .filter(code -> aidedSteps.getOrDefault(code, 0L) >= campaign.aidedTargetSteps())
                .filter(code -> !generatedAt.containsKey(code))
                .toList();
    }
}
