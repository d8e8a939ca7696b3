package org.run78.domain.project;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;

import org.run78.domain.error.DomainException;

/**
 * What a company reports about one of its projects (API.md, POST /v1/projects/{regionCode}/reports).
 * Each kind checks its own shape (INVALID_REQUEST); whether it meets the project terms, or comes in
 * order, is the lifecycle's business.
 */
public sealed interface ProjectReport {

    /** The report's `type` in the API. */
    String type();

    /**
     * The project is carried out: its registered poor beneficiaries, its cover amount, and its
     * cover term from `coverFrom` to `coverTo`, both days included (a policy "from 2019-08-01 00:00
     * to 2020-07-31 24:00" is one year of cover).
     */
    record Delivered(long beneficiaries, long coverageAmountYuan, LocalDate coverFrom, LocalDate coverTo)
            implements ProjectReport {
        /** More than China's population, or than any insurer's cover, is a mistyped figure, not a project. */
        public static final long MAX_BENEFICIARIES = 1_000_000_000L;
        public static final long MAX_COVERAGE_YUAN = 10_000_000_000_000L;

        public Delivered {
            if (beneficiaries < 0 || beneficiaries > MAX_BENEFICIARIES) {
                throw DomainException.invalid("beneficiaries must be 0 to " + MAX_BENEFICIARIES);
            }
            if (coverageAmountYuan < 0 || coverageAmountYuan > MAX_COVERAGE_YUAN) {
                throw DomainException.invalid("coverageAmountYuan must be 0 to " + MAX_COVERAGE_YUAN + " yuan");
            }
            if (coverFrom == null || coverTo == null) {
                throw DomainException.invalid("coverFrom and coverTo are required");
            }
            if (coverTo.isBefore(coverFrom)) {
                throw DomainException.invalid("coverTo must not be before coverFrom");
            }
        }

        @Override
        public String type() {
            return "delivered";
        }
    }

    /** Claims paid out while the project runs, reported as they happen. */
    record Payout(long amountYuan, long cases) implements ProjectReport {
        /** Far beyond any one report, and low enough that the project's sums of them cannot overflow a long. */
        public static final long MAX_AMOUNT_YUAN = 1_000_000_000_000L;
        public static final long MAX_CASES = 100_000_000L;

        public Payout {
            if (amountYuan <= 0 || amountYuan > MAX_AMOUNT_YUAN) {
                throw DomainException.invalid("amountYuan must be a whole number of yuan from 1 to " + MAX_AMOUNT_YUAN);
            }
            if (cases <= 0 || cases > MAX_CASES) {
                throw DomainException.invalid("cases must be a whole number from 1 to " + MAX_CASES);
            }
        }

        @Override
        public String type() {
            return "payout";
        }
    }

    /** The project has run its course. */
    record Completed() implements ProjectReport {
        @Override
        public String type() {
            return "completed";
        }
    }

    /** The project's results, published at an http(s) address. */
    record ResultsPublished(String url) implements ProjectReport {
        public static final int MAX_URL_LENGTH = 2048;

        public ResultsPublished {
            if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
                throw DomainException.invalid("url must be an http(s) address of at most " + MAX_URL_LENGTH + " characters");
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                    throw DomainException.invalid("url must be an http(s) address");
                }
            } catch (URISyntaxException e) {
                throw DomainException.invalid("url must be an http(s) address");
            }
        }

        @Override
        public String type() {
            return "results-published";
        }
    }
}
