package org.run78.domain.profile;

import org.run78.domain.error.DomainException;

/**
 * The name a user is shown under in the top donors, in one place: what a chosen name may be,
 * and the neutral default for users who chose none (it reveals nothing of anyone's openid).
 */
public final class DisplayName {
    /** Shown for every user who has not chosen a name. */
    public static final String DEFAULT = "爱心跑者";
    public static final int MIN_CHARACTERS = 1;
    public static final int MAX_CHARACTERS = 20;

    private DisplayName() {}

    /**
     * A chosen name, trimmed (Unicode white space too, such as the ideographic space), of
     * 1–20 characters counted as code points so that a Chinese name or an emoji counts as
     * one each, without control characters, line separators, lone surrogates or the
     * bidirectional overrides that could make a name display as something else.
     * Anything else is INVALID_REQUEST.
     */
    public static String validate(String raw) {
        if (raw == null) {
            throw DomainException.invalid("displayName is required");
        }
        String name = raw.strip();
        int characters = name.codePointCount(0, name.length());
        if (characters < MIN_CHARACTERS || characters > MAX_CHARACTERS) {
            throw DomainException.invalid("displayName must have " + MIN_CHARACTERS + " to " + MAX_CHARACTERS
                    + " characters after trimming, not " + characters);
        }
        name.codePoints().filter(DisplayName::forbidden).findFirst().ifPresent(cp -> {
            throw DomainException.invalid(String.format("displayName must not contain the control character U+%04X", cp));
        });
        return name;
    }

    /** What a user is shown as: the stored name if there is a valid one, else the default. */
    public static String shown(String stored) {
        if (stored == null) {
            return DEFAULT;
        }
        try {
            return validate(stored);
        } catch (DomainException invalid) {
            return DEFAULT;
        }
    }

    private static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || cp == 0x061C || cp == 0x200E || cp == 0x200F         // bidirectional marks
                || (cp >= 0x202A && cp <= 0x202E)                       // bidirectional embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069);                      // bidirectional isolates
    }
}
