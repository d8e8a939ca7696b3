package org.run78.domain.text;

import org.run78.domain.error.DomainException;

/**
 * A name someone chose that the public is shown (a user's display name, a company's name): one
 * rule for both, so that neither can look blank, hide text or display as something else.
 */
public final class PublicName {
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private PublicName() {}

    /**
     * The name trimmed of every Unicode space (the ideographic and no-break spaces too), of 1 to
     * `maxCharacters` characters counted as code points so that a Chinese character or an emoji
     * counts as one, without control characters, line separators, lone surrogates or invisible
     * format characters (zero-width spaces, byte order marks, the bidirectional overrides).
     * Anything else is INVALID_REQUEST naming `field`.
     */
    public static String validate(String field, String raw, int maxCharacters) {
        if (raw == null) {
            throw DomainException.invalid(field + " is required");
        }
        String name = trim(raw);
        int characters = name.codePointCount(0, name.length());
        if (characters < 1 || characters > maxCharacters) {
            throw DomainException.invalid(field + " must have 1 to " + maxCharacters
                    + " characters after trimming, not " + characters);
        }
        int[] cps = name.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            String what = refusal(cps, i);
            if (what != null) {
                throw DomainException.invalid(field + " must not contain " + String.format(what, cps[i]));
            }
        }
        return name;
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
