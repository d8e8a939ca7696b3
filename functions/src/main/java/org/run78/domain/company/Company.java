package org.run78.domain.company;

import java.time.Instant;
import java.util.regex.Pattern;

import org.run78.domain.error.DomainException;

/**
 * An insurance company (a head office) registered by the association, known by its enterprise
 * code: 2 to 32 characters of digits, capital letters and hyphens (the 18-character unified
 * social credit code fits).
 */
public record Company(String code, String name, Instant registeredAt) {
    private static final Pattern CODE = Pattern.compile("[0-9A-Z-]{2,32}");
    public static final int MAX_NAME_LENGTH = 100;

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** INVALID_REQUEST unless the code has the enterprise code's shape. */
    public static String requireValidCode(String code) {
        if (!isValidCode(code)) {
            throw DomainException.invalid("companyCode must be 2 to 32 digits, capital letters or hyphens");
        }
        return code;
    }
}
