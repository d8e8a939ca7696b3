package org.run78.domain.campaign;

public record ClaimRules(int perCompany, long minCoverageYuan) {}
