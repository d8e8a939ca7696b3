package org.run78.domain.campaign;

import java.time.Period;

/**
 * @param deliveryWithin after the campaign's end, by when a claimed project must be delivered
 * @param resultsWithin  after a project's completion, by when its results must be published
 */
public record ProjectRules(int minBeneficiaries, long minCoverageYuan, Period minCoverTerm,
                           Period deliveryWithin, Period resultsWithin) {}
