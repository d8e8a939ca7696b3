package org.run78.store;

import java.time.LocalDate;

/**
 * The DynamoDB key design, in one place (docs/data-model.md lists every access pattern).
 * Every table has a string partition key `pk` and sort key `sk`.
 */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";

    /** Shards of the ledger's sparse "not yet counted" index, so the sweeper's reads spread out. */
    public static final int UNCOUNTED_SHARDS = 16;
    public static final String UNCOUNTED_INDEX = "Uncounted";
    public static final String UNCOUNTED_SHARD = "uncountedShard";

    private Keys() {}

    // Ledger table: one item per user per campaign day; the key itself enforces "one a day".
    public static String ledgerPk(String userId) {
        return "USER#" + userId;
    }

    public static String ledgerSk(LocalDate day) {
        return "DAY#" + day;
    }

    public static String uncountedShard(String userId) {
        return "U#" + Math.floorMod(userId.hashCode(), UNCOUNTED_SHARDS);
    }

    // Users table: the profile (session key, display name) of a user.
    public static String userPk(String userId) {
        return "USER#" + userId;
    }

    public static final String PROFILE_SK = "PROFILE";

    // State table: the leaderboard snapshot.
    public static final String LEADERBOARD_PK = "LEADERBOARD";
    public static final String SNAPSHOT_SK = "SNAPSHOT";
}
