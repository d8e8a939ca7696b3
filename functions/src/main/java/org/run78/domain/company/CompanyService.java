package org.run78.domain.company;

import java.time.Clock;
import java.util.Optional;

import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.text.PublicName;

/** Registers companies (operators only) and recognises a company by its credential. */
public final class CompanyService {
    private final CompanyRegistry registry;
    private final Clock clock;

    public CompanyService(CompanyRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A new company and its credential, which is shown this once. */
    public record Registration(Company company, String credential) {}

    public Registration register(String companyCode, String name) {
        Company.requireValidCode(companyCode);
        // shown on the public project list, so held to the rule of a user's display name
        String shown = PublicName.validate("name", name, Company.MAX_NAME_LENGTH);
        Company company = new Company(companyCode, shown, clock.instant());
        CompanyCredential credential = CompanyCredential.issue(companyCode);
        registry.register(company, credential.hash());
        return new Registration(company, credential.reveal());
    }

    /**
     * The company a presented credential belongs to; UNAUTHORIZED when there is none, it is
     * malformed, names no registered company, or does not match that company's hash.
     */
    public Company authenticate(Optional<String> presented) {
        if (presented.isEmpty()) {
            throw unauthorized("a company credential is required (Authorization: Bearer <credential>)");
        }
        CompanyCredential credential = CompanyCredential.parse(presented.get())
                .orElseThrow(() -> unauthorized("the company credential is malformed"));
        Optional<CompanyRegistry.Registered> registered = registry.find(credential.companyCode());
        boolean matches = credential.matches(registered.map(CompanyRegistry.Registered::credentialHash).orElse(null));
        if (registered.isEmpty() || !matches) {
            throw unauthorized("the company credential is not valid");
        }
        return registered.get().company();
    }

    private static DomainException unauthorized(String message) {
        return new DomainException(ErrorCode.UNAUTHORIZED, message);
    }
}
