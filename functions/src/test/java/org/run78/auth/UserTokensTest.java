package org.run78.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class UserTokensTest {
    static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    final UserTokens tokens = new UserTokens(SECRET, Duration.ofHours(2));
    final Instant now = Instant.parse("2019-06-26T12:00:00Z");
    final String user = "u_abcdefghijklmnopqrstuvwxyz0";

    @Test
    void aTokenWeIssuedNamesItsUser() {
        assertEquals(user, tokens.verify(tokens.issue(user, now).token(), now.plusSeconds(60)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        UserTokens.Issued issued = tokens.issue(user, now);
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(DomainException.class,
                () -> tokens.verify(issued.token(), issued.expiresAt())).code());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new UserTokens("another-secret-that-is-also-long-enough-xx", Duration.ofHours(2)).issue(user, now).token();
        assertThrows(DomainException.class, () -> tokens.verify(forged, now));
    }

    @Test
    void aTokenWhosePayloadWasSwappedIsRefused() {
        String mine = tokens.issue(user, now).token();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("u1|u_someoneelse0000000000000000|" + now.plusSeconds(7200).getEpochSecond()).getBytes());
        String tampered = payload + mine.substring(mine.indexOf('.'));
        assertThrows(DomainException.class, () -> tokens.verify(tampered, now));
    }

    @Test
    void garbageAndMissingTokensAreRefused() {
        for (String bad : new String[] {null, "", "x", "a.b.c", "....", "%%%.%%%"}) {
            assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(DomainException.class, () -> tokens.verify(bad, now)).code());
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new UserTokens("short", Duration.ofHours(1)));
    }
}
