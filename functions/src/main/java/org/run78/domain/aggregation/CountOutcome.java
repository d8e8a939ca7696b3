package org.run78.domain.aggregation;

import java.util.Set;

/**
 * What counting a chunk did with each donation id: counted now, found counted before (a
 * redelivery), or refused as poison (not in the ledger, or not what the ledger says).
 */
public record CountOutcome(Set<String> counted, Set<String> alreadyCounted, Set<String> poison, String deltaId) {}
