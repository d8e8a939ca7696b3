package org.run78.domain.project;

import java.util.Arrays;
import java.util.Optional;

/** Where a claimed project stands: claimed → delivered → payouts (any number) → completed → results-published. */
public enum ProjectStatus {
    CLAIMED("claimed"),
    DELIVERED("delivered"),
    PAYOUTS("payouts"),
    COMPLETED("completed"),
    RESULTS_PUBLISHED("results-published");

    private final String apiName;

    ProjectStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ProjectStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }
}
