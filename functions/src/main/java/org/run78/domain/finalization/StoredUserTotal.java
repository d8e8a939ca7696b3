package org.run78.domain.finalization;

/** A user's counted totals as stored on the profile (absent attributes are zero). */
public record StoredUserTotal(String userId, Counts counts) {}
