package org.run78.domain.finalization;

import java.time.Duration;

/** Waiting, as a port, so that tests can wait without sleeping. */
@FunctionalInterface
public interface Pause {
    void sleep(Duration duration);

    Pause THREAD_SLEEP = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    };
}
