package org.run78.domain.company;

import java.util.Optional;

/** Where registered companies and their credential hashes are kept. */
public interface CompanyRegistry {

    /** A company with the hash of its credential, as stored. */
    record Registered(Company company, String credentialHash) {}

    /** Registers a new company; COMPANY_EXISTS (by the write's own condition) if its code is taken. */
    void register(Company company, String credentialHash);

    Optional<Registered> find(String companyCode);
}
