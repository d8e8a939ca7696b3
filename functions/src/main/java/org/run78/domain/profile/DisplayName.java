package org.run78.domain.profile;

import org.run78.domain.error.DomainException;
import org.run78.domain.text.PublicName;

/**
 * The name a user is shown under in the top donors, in one place: what a chosen name may be,
 * and the neutral default for users who chose none (it reveals nothing of anyone's openid).
 */
public final class DisplayName {
    /** Shown for every user who has not chosen a name. */
    public static final String DEFAULT = "爱心跑者";
    public static final int MAX_CHARACTERS = 20;

    private DisplayName() {}

    /** A chosen name of 1–20 characters by PublicName's rule, trimmed; else INVALID_REQUEST. */
    public static String validate(String raw) {
        return PublicName.validate("displayName", raw, MAX_CHARACTERS);
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
}
