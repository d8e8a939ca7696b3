package org.run78.domain.company;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A company's credential: `<companyCode>.<secret>`, the secret 256 random bits from SecureRandom
 * in base64url. It names its company, so checking it is one read of that company's profile; only
 * the SHA-256 of the whole credential is stored, and comparisons take constant time.
 */
public final class CompanyCredential {
    static final int SECRET_BYTES = 32;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String companyCode;
    private final String text;

    private CompanyCredential(String companyCode, String text) {
        this.companyCode = companyCode;
        this.text = text;
    }

    /**
     * A new credential. The SecureRandom is made per call, never kept from init, so a restored
     * SnapStart snapshot cannot hand two containers the same random state.
     */
    public static CompanyCredential issue(String companyCode) {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new CompanyCredential(Company.requireValidCode(companyCode), companyCode + "." + B64.encodeToString(secret));
    }

    /** The credential a request presents, if it has the credential's shape (it may still be wrong). */
    public static Optional<CompanyCredential> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        int dot = presented.indexOf('.');
        if (dot <= 0 || dot != presented.lastIndexOf('.')) {
            return Optional.empty();
        }
        String code = presented.substring(0, dot);
        if (!Company.isValidCode(code) || !SECRET.matcher(presented.substring(dot + 1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CompanyCredential(code, presented));
    }

    public String companyCode() {
        return companyCode;
    }

    /** The credential itself: shown to the operator once, never stored or logged. */
    public String reveal() {
        return text;
    }

    /** What is stored: the SHA-256 of the credential, in hex. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Constant-time comparison with a stored hash (a missing hash compares against a dummy). */
    public boolean matches(String storedHash) {
        byte[] expected;
        try {
            expected = storedHash == null ? new byte[32] : HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException malformed) {
            expected = new byte[32];
        }
        boolean equal = MessageDigest.isEqual(sha256(text), expected);
        return equal && storedHash != null;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CompanyCredential[" + companyCode + ".***]";
    }
}
