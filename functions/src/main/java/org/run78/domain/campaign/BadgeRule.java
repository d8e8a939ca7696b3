package org.run78.domain.campaign;

/** A badge and the rule that earns it, as the campaign data states them. */
public record BadgeRule(String id, String name, Kind kind, int count) {
    public enum Kind { DONATIONS, CONSECUTIVE_DAYS }
}
