package org.run78.domain.finalization;

/** A user's profile as the finalizer reads it: the counted totals as stored (absent attributes are zero), and the name chosen (null if none). */
public record StoredUserTotal(String userId, Counts counts, String displayName) {}
