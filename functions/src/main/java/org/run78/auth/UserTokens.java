package org.run78.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/**
 * Signed, expiring user tokens: `base64url(version|userId|expiry).base64url(HMAC-SHA256)`.
 * Stateless, so verifying one on every call costs no read.
 */
public final class UserTokens {
    private static final String VERSION = "u1";
    private static final Pattern USER_ID = Pattern.compile("u_[A-Za-z0-9_-]{10,64}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration lifetime;

    public record Issued(String token, Instant expiresAt) {}

    public UserTokens(String secret, Duration lifetime) {
        if (secret.length() < 32) {
            throw new IllegalStateException("the token secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
    }

    public Issued issue(String userId, Instant now) {
        Instant expiresAt = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = B64.encodeToString((VERSION + "|" + userId + "|" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return new Issued(payload + "." + B64.encodeToString(sign(payload)), expiresAt);
    }

    /** The user the token was issued to; UNAUTHORIZED if it is forged, malformed or expired. */
    public String verify(String token, Instant now) {
        if (token == null) {
            throw unauthorized("a user token is required");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw unauthorized("the token is malformed");
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] fields;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            fields = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw unauthorized("the token is malformed");
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw unauthorized("the token's signature is not ours");
        }
        if (fields.length != 3 || !VERSION.equals(fields[0]) || !USER_ID.matcher(fields[1]).matches()) {
            throw unauthorized("the token is malformed");
        }
        long expiry;
        try {
            expiry = Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            throw unauthorized("the token is malformed");
        }
        if (now.getEpochSecond() >= expiry) {
            throw unauthorized("the token has expired; log in again");
        }
        return fields[1];
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static DomainException unauthorized(String message) {
        return new DomainException(ErrorCode.UNAUTHORIZED, message);
    }
}
