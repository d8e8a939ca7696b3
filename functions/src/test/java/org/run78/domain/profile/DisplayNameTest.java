package org.run78.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class DisplayNameTest {

    static ErrorCode refusal(String name) {
        return assertThrows(DomainException.class, () -> DisplayName.validate(name)).code();
    }

    @Test
    void aNameIsTrimmedOfSurroundingSpacesIncludingTheIdeographicSpace() {
        assertEquals("小明", DisplayName.validate("  小明\t"));
        assertEquals("小明", DisplayName.validate("\u3000小明\u3000"));
    }

    @Test
    void twentyChineseCharactersAreAllowedAndTwentyOneAreNot() {
        String twenty = "爱".repeat(20);
        assertEquals(twenty, DisplayName.validate(twenty));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(twenty + "心"));
    }

    @Test
    void charactersAreCountedAsCodePointsSoTwentyEmojiFit() {
        String twentyRunners = "🏃".repeat(20); // 40 UTF-16 units
        assertEquals(40, twentyRunners.length());
        assertEquals(twentyRunners, DisplayName.validate(twentyRunners));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(twentyRunners + "🏃"));
    }

    @Test
    void oneCharacterIsEnough() {
        assertEquals("跑", DisplayName.validate(" 跑 "));
    }

    @Test
    void aNameOfOnlySpacesIsEmptyAfterTrimmingAndRefused() {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal("   "));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(""));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal("\u3000"));
    }

    @Test
    void spacesInsideANameCountAndAreKept() {
        assertEquals("Li Lei 李雷", DisplayName.validate("Li Lei 李雷"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\tinside", "bell\u0007", "del\u007F", "c1\u0085",
            "sep\u2028arator", "evil\u202Egnp.exe", "iso\u2066late", "mark\u200F"})
    void controlCharactersAndTextDirectionOverridesAreRefused(String name) {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(name));
    }

    @Test
    void aLoneSurrogateIsRefusedAsNotAValidCharacterRatherThanAsAControlCharacter() {
        DomainException e = assertThrows(DomainException.class, () -> DisplayName.validate("bad\uD800"));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("U+D800, which is not a valid character"), e.getMessage());
        assertFalse(e.getMessage().contains("control"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", " \u00A0\u3000 "})
    void aNameOfOnlyNoBreakSpacesIsEmptyAfterTrimmingAndRefused(String name) {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(name));
    }

    @Test
    void noBreakSpacesAroundANameAreTrimmedLikeAnyOtherSpace() {
        assertEquals("小明", DisplayName.validate("\u00A0小明\u202F\u2007"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\uFEFF", "小\u200B明", "\u00AD", "a\u2060b", "\u200B\uFEFF"})
    void invisibleFormatCharactersAreRefusedSoNoNameLooksBlankOrLikeAnother(String name) {
        DomainException e = assertThrows(DomainException.class, () -> DisplayName.validate(name));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("displayName"), e.getMessage());
    }

    @Test
    void joinedEmojiAreNotControlCharacters() {
        String family = "👨\u200D👩\u200D👧";
        assertEquals(family, DisplayName.validate(family));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200D", "\u200D\u200D", "\u200D小明", "小明\u200D"})
    void aZeroWidthJoinerThatJoinsNothingIsRefusedSoItCannotMakeABlankName(String name) {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(name));
    }

    @Test
    void usersWithoutANameAreShownUnderTheNeutralDefault() {
        assertEquals(DisplayName.DEFAULT, DisplayName.shown(null));
        assertEquals("爱心跑者", DisplayName.DEFAULT);
    }

    @Test
    void theDefaultIsTheSameForEveryoneSoItRevealsNothingOfAnyOpenid() {
        assertEquals(DisplayName.shown(null), DisplayName.shown(null));
        assertFalse(DisplayName.DEFAULT.matches(".*[A-Za-z0-9_-]{6,}.*"));
    }

    @Test
    void aStoredNameIsShownAsItIs() {
        assertEquals("小明", DisplayName.shown("小明"));
    }

    @Test
    void aStoredNameThatBreaksTheRulesIsShownAsTheDefault() {
        assertEquals(DisplayName.DEFAULT, DisplayName.shown("x\u0000"));
        assertEquals(DisplayName.DEFAULT, DisplayName.shown(""));
    }
}
