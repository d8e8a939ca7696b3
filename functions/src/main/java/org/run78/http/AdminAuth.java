package org.run78.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/**
 * The operators' calls: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time (the
 * SHA-256 of each side, so not even the length leaks). Nothing else is an admin token: not a
 * user token, not a company credential.
 */
public final class AdminAuth {
    private final byte[] expected;

    public AdminAuth(String adminToken) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalStateException("missing configuration: the admin token (ADMIN_TOKEN) is not set");
        }
        this.expected = sha256(adminToken);
    }

    /** UNAUTHORIZED unless the request carries the admin token. */
    public void require(ApiRequest request) {
        String presented = request.bearerToken()
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED, "the admin token is required"));
        if (!MessageDigest.isEqual(sha256(presented), expected)) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "the admin token is not valid");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
