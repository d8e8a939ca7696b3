package org.run78.domain.campaign;

/** Where the clock stands against the window; `final` is a stored state, set by the finalizer. */
public enum CampaignPhase {
    UPCOMING, OPEN, CLOSED;

    public String apiName() {
        return name().toLowerCase();
    }
}
