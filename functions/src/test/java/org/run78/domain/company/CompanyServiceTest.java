package org.run78.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class CompanyServiceTest {
    final Map<String, CompanyRegistry.Registered> stored = new HashMap<>();
    final CompanyRegistry registry = new CompanyRegistry() {
        public void register(Company company, String credentialHash) {
            if (stored.putIfAbsent(company.code(), new Registered(company, credentialHash)) != null) {
                throw new DomainException(ErrorCode.COMPANY_EXISTS, "taken");
            }
        }

        public Optional<Registered> find(String companyCode) {
            return Optional.ofNullable(stored.get(companyCode));
        }
    };
    final CompanyService service = new CompanyService(registry,
            Clock.fixed(Instant.parse("2019-06-01T02:00:00Z"), ZoneOffset.UTC));

    ErrorCode refusal(Optional<String> presented) {
        return assertThrows(DomainException.class, () -> service.authenticate(presented)).code();
    }

    @Test
    void aRegisteredCompanysCredentialAuthenticatesThatCompany() {
        CompanyService.Registration r = service.register("PICC", "  中国人民保险  ");
        assertEquals("中国人民保险", r.company().name());
        assertEquals(r.company(), service.authenticate(Optional.of(r.credential())));
    }

    @Test
    void theRegistryKeepsTheHashNeverTheCredential() {
        CompanyService.Registration r = service.register("PICC", "中国人民保险");
        assertEquals(CompanyCredential.parse(r.credential()).orElseThrow().hash(), stored.get("PICC").credentialHash());
    }

    @Test
    void eachCompanysCredentialAuthenticatesOnlyThatCompany() {
        CompanyService.Registration picc = service.register("PICC", "中国人民保险");
        CompanyService.Registration cpic = service.register("CPIC", "中国太平洋保险");
        assertEquals("PICC", service.authenticate(Optional.of(picc.credential())).code());
        assertEquals("CPIC", service.authenticate(Optional.of(cpic.credential())).code());
    }

    @Test
    void noCredentialAMalformedOneAWrongOneOrOneOfAnUnknownCompanyIsUnauthorized() {
        CompanyService.Registration picc = service.register("PICC", "中国人民保险");
        String wrongSecret = "PICC." + "A".repeat(43);
        String unknownCompany = "NOBODY" + picc.credential().substring(4);
        assertEquals(ErrorCode.UNAUTHORIZED, refusal(Optional.empty()));
        assertEquals(ErrorCode.UNAUTHORIZED, refusal(Optional.of("garbage")));
        assertEquals(ErrorCode.UNAUTHORIZED, refusal(Optional.of(wrongSecret)));
        assertEquals(ErrorCode.UNAUTHORIZED, refusal(Optional.of(unknownCompany)));
    }

    @Test
    void aCompanyCodeIsRegisteredOnce() {
        service.register("PICC", "中国人民保险");
        assertEquals(ErrorCode.COMPANY_EXISTS,
                assertThrows(DomainException.class, () -> service.register("PICC", "again")).code());
    }

    @Test
    void malformedCodesAndNamesAreInvalidRequests() {
        for (String code : new String[] {"p", "picc", "PICC.X", "A B", "X".repeat(33)}) {
            assertEquals(ErrorCode.INVALID_REQUEST,
                    assertThrows(DomainException.class, () -> service.register(code, "name")).code(), code);
        }
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(DomainException.class, () -> service.register("PICC", "   ")).code());
        assertEquals(ErrorCode.INVALID_REQUEST,
                assertThrows(DomainException.class, () -> service.register("PICC", "x".repeat(101))).code());
        assertEquals(0, stored.size());
    }

    @Test
    void aCompanyNameIsTrimmedOfEveryUnicodeSpaceAsADisplayNameIs() {
        assertEquals("中国人民保险", service.register("PICC", "\u3000\u00A0中国人民保险\u202F").company().name());
    }

    @Test
    void aHundredCharactersCountedAsCodePointsAreAllowedAndAHundredAndOneAreNot() {
        assertEquals("🏃".repeat(100), service.register("PICC", "🏃".repeat(100)).company().name());
        assertEquals(ErrorCode.INVALID_REQUEST,
                assertThrows(DomainException.class, () -> service.register("CPIC", "保".repeat(101))).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u200B", "\uFEFF", "中国\u0000人保", "人保\nPICC",
            "evil\u202Egnp", "中国\u200B人保", "bad\uD800"})
    void aCompanyNameThatLooksBlankOrHidesControlOrFormatCharactersIsRefusedAndNothingIsRegistered(String name) {
        DomainException e = assertThrows(DomainException.class, () -> service.register("PICC", name));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("name "), e.getMessage());
        assertEquals(0, stored.size());
    }
}
