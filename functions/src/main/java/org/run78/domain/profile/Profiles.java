package org.run78.domain.profile;

import java.time.Instant;

/** The user's profile in the users table (never its session key). */
public interface Profiles {

    /** The display name and badges, in one read. */
    StoredProfile load(String userId);

    void setDisplayName(String userId, String displayName, Instant at);
}
