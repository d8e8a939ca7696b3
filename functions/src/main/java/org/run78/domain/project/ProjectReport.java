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
        public Delivered {
            if (beneficiaries < 0) {
                throw DomainException.invalid("beneficiaries must not be negative");
            }
            if (coverageAmountYuan < 0) {
                throw DomainException.invalid("coverageAmountYuan must not be negative");
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
        public Payout {
            if (amountYuan <= 0) {
                throw DomainException.invalid("amountYuan must be a positive whole number of yuan");
            }
            if (cases <= 0) {
                throw DomainException.invalid("cases must be a positive whole number");
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
