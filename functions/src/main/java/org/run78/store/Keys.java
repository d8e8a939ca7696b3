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

    /** The sort-key prefix of a user's donation days in the ledger (for a Query of one user's donations). */
    public static final String LEDGER_DAY_PREFIX = "DAY#";

    public static String uncountedShard(String userId) {
        return "U#" + Math.floorMod(userId.hashCode(), UNCOUNTED_SHARDS);
    }

    // Users table: one profile item per user (session key, display name, counted totals),
    // and one item per badge awarded (sk BADGE#<id>).
    public static String userPk(String userId) {
        return "USER#" + userId;
    }

    public static final String PROFILE_SK = "PROFILE";

    public static String badgeSk(String badgeId) {
        return "BADGE#" + badgeId;
    }

    /** The sort-key prefix of a user's badge items. */
    public static final String BADGE_SK_PREFIX = "BADGE#";

    /** The users' sparse index by counted total, sharded so that no single index partition is hot. */
    public static final String TOP_DONORS_INDEX = "ByTotal";
    public static final String TOTAL_SHARD = "totalShard";
    public static final int TOTAL_SHARDS = 16;

    public static String totalShard(String userId) {
        return "T#" + Math.floorMod(userId.hashCode(), TOTAL_SHARDS);
    }

    // State table: the campaign's shared items.
    public static final String TOTAL_SK = "TOTAL";

    /** A region's own counted steps and donations. */
    public static String regionPk(String regionCode) {
        return "REGION#" + regionCode;
    }

    /** An aided region's total (own + helper's counted steps) and when its project was generated. */
    public static String aidedPk(String aidedCode) {
        return "AIDED#" + aidedCode;
    }

    /** Counted-but-not-yet-folded region deltas, one item per counted chunk of donations (sk = chunk id). */
    public static final String DELTA_PK = "DELTA";

    public static final String LEADERBOARD_PK = "LEADERBOARD";
    public static final String SNAPSHOT_SK = "SNAPSHOT";

    /** The campaign's recorded status (closed, final), written by the finalizer; read by nobody on a hot path. */
    public static final String CAMPAIGN_PK = "CAMPAIGN";
    public static final String STATUS_SK = "STATUS";

    /** The published final report: one item, written once (attribute_not_exists). */
    public static final String REPORT_PK = "REPORT";
    public static final String FINAL_SK = "FINAL";

    // Companies table: a company's profile (sk PROFILE: name, credential hash) and its one claim
    // (sk CLAIM); every claimed project in ONE partition (pk PROJECTS, sk <regionCode>#<companyCode>),
    // so the public project list and the operators' listing are one Query each.
    public static String companyPk(String companyCode) {
        return "COMPANY#" + companyCode;
    }

    public static final String CLAIM_SK = "CLAIM";
    public static final String PROJECTS_PK = "PROJECTS";

    public static String projectSk(String regionCode, String companyCode) {
        return regionCode + "#" + companyCode;
    }
}
