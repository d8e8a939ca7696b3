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
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayName() {}

    /**
     * A chosen name, trimmed of every Unicode space (the ideographic and no-break spaces too),
     * of 1–20 characters counted as code points so that a Chinese name or an emoji counts as
     * one each, without control characters, line separators, lone surrogates or invisible
     * format characters (zero-width spaces, byte order marks, the bidirectional overrides that
     * could make a name display as something else). Anything else is INVALID_REQUEST.
     */
    public static String validate(String raw) {
        if (raw == null) {
            throw DomainException.invalid("displayName is required");
        }
        String name = trim(raw);
        int characters = name.codePointCount(0, name.length());
        if (characters < MIN_CHARACTERS || characters > MAX_CHARACTERS) {
            throw DomainException.invalid("displayName must have " + MIN_CHARACTERS + " to " + MAX_CHARACTERS
                    + " characters after trimming, not " + characters);
        }
        int[] cps = name.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            String why = refusal(cps, i);
            if (why != null) {
                throw DomainException.invalid("displayName must not contain " + String.format(why, cps[i]));
            }
        }
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

    /** String.strip() keeps the no-break spaces (U+00A0, U+2007, U+202F), which look just as blank. */
    private static String trim(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && blank(raw.codePointAt(from))) {
            from += Character.charCount(raw.codePointAt(from));
        }
        while (to > from && blank(raw.codePointBefore(to))) {
            to -= Character.charCount(raw.codePointBefore(to));
        }
        return raw.substring(from, to);
    }

    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** What the code point at `i` is (a format with its U+ number) if a name may not hold it, else null. */
    private static String refusal(int[] cps, int i) {
        int cp = cps[i];
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "the control character U+%04X";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "the line separator U+%04X";
            case Character.SURROGATE -> "U+%04X, which is not a valid character (half of a surrogate pair)";
            // U+200D joins the parts of one emoji (👨‍👩‍👧); at either end, or doubled, it joins nothing and only hides
            case Character.FORMAT -> cp == ZERO_WIDTH_JOINER && i > 0 && i < cps.length - 1
                    && cps[i - 1] != ZERO_WIDTH_JOINER && cps[i + 1] != ZERO_WIDTH_JOINER
                    ? null : "the invisible format character U+%04X";
            default -> null;
        };
    }
}
