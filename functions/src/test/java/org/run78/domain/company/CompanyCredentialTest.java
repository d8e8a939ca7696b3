package org.run78.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CompanyCredentialTest {

    @Test
    void aCredentialNamesItsCompanyAndCarriesAtLeast128RandomBits() {
        CompanyCredential c = CompanyCredential.issue("PICC");
        String text = c.reveal();
        assertTrue(text.startsWith("PICC."), text);
        byte[] secret = Base64.getUrlDecoder().decode(text.substring("PICC.".length()));
        assertTrue(secret.length * 8 >= 128, "bits: " + secret.length * 8);
        assertEquals("PICC", CompanyCredential.parse(text).orElseThrow().companyCode());
    }

    @Test
    void noTwoCredentialsAreAlike() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen.add(CompanyCredential.issue("PICC").reveal()));
        }
    }

    @Test
    void onlyTheSha256OfTheCredentialIsStoredAndItRevealsNothingOfTheSecret() {
        CompanyCredential c = CompanyCredential.issue("PICC");
        String hash = c.hash();
        assertEquals(HexFormat.of().formatHex(CompanyCredential.sha256(c.reveal())), hash);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(c.reveal().substring(5)));
        assertFalse(c.toString().contains(c.reveal().substring(5)), "toString never shows the secret");
    }

    @Test
    void theCredentialMatchesItsOwnHashAndNoOther() {
        CompanyCredential a = CompanyCredential.issue("PICC");
        CompanyCredential b = CompanyCredential.issue("PICC");
        assertTrue(CompanyCredential.parse(a.reveal()).orElseThrow().matches(a.hash()));
        assertFalse(CompanyCredential.parse(b.reveal()).orElseThrow().matches(a.hash()));
        assertFalse(a.matches(null));
        assertFalse(a.matches("not-hex"));
    }

    @Test
    void aUserTokenOrAnythingElseShapedDifferentlyIsNotACredential() {
        String userTokenShape = "dTF8dV9hYmNkZWZnaGlqfDE1NjE5NTM2MDA.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmUtc2lnbg";
        for (String bad : new String[] {userTokenShape, "", "PICC", "PICC.", ".secret", "picc." + "A".repeat(43),
                "PICC." + "A".repeat(42), "PICC." + "A".repeat(44), "PICC.x.y", "PICC." + "!".repeat(43)}) {
            assertTrue(CompanyCredential.parse(bad).isEmpty(), bad);
        }
        assertTrue(CompanyCredential.parse(null).isEmpty());
    }

    @Test
    void aCredentialForgedForAnotherCompanyCodeDoesNotMatchThatCompanysHash() {
        CompanyCredential picc = CompanyCredential.issue("PICC");
        CompanyCredential cpic = CompanyCredential.issue("CPIC");
        String forged = "CPIC" + picc.reveal().substring("PICC".length());
        assertFalse(CompanyCredential.parse(forged).orElseThrow().matches(cpic.hash()));
        assertNotEquals(picc.hash(), cpic.hash());
    }
}
