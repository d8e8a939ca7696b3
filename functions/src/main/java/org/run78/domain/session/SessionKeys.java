package org.run78.domain.session;

import java.time.Instant;
import java.util.Optional;

/** The server-side home of each user's current WeChat session key. */
public interface SessionKeys {
    void store(String userId, String sessionKey, Instant at);

    Optional<String> current(String userId);
}
