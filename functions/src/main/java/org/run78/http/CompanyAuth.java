package org.run78.http;

import org.run78.domain.company.Company;
import org.run78.domain.company.CompanyService;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** The claim platform's calls: `Authorization: Bearer <company credential>`, checked on every call. */
public final class CompanyAuth {
    private final CompanyService companies;

    public CompanyAuth(CompanyService companies) {
        this.companies = companies;
    }

    /** The company whose credential the request carries; UNAUTHORIZED otherwise. */
    public Company company(ApiRequest request) {
        return companies.authenticate(request.bearerToken());
    }

    /** FORBIDDEN unless the company a request speaks for is the one its credential belongs to. */
    public static void requireSameCompany(Company authenticated, String companyCode) {
        if (!authenticated.code().equals(companyCode)) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "the credential of company " + authenticated.code() + " cannot act for company " + companyCode);
        }
    }
}
