package org.run78.app;

import java.time.Duration;

import org.run78.domain.finalization.FinalReport;
import org.run78.domain.finalization.FinalReportService;
import org.run78.domain.finalization.FinalizationService;
import org.run78.domain.finalization.Pause;
import org.run78.queue.SqsQueueDepth;
import org.run78.store.DynamoDonationCounter;
import org.run78.store.DynamoFinalReports;
import org.run78.store.DynamoFinalStandings;
import org.run78.store.DynamoLedgerScan;
import org.run78.store.DynamoProfileTotals;
import org.run78.store.DynamoTotalsCorrector;
import org.run78.store.DynamoUncountedDonations;

/**
 * How the finalizer and the report are put together (issue 6), kept out of Services so that
 * Services only names them. Configuration: FINALIZE_IN_FLIGHT_GRACE (PT15S), FINALIZE_DRAIN_WAIT
 * (PT2M), FINALIZE_DRAIN_POLL (PT2S), FINALIZE_SCAN_SEGMENTS (8), FINALIZE_PROGRESS_EVERY (100000).
 */
final class FinalizationWiring {
    private FinalizationWiring() {}

    static FinalizationService finalization(Services s) {
        Config config = s.config();
        String ledger = config.require("LEDGER_TABLE");
        String users = config.require("USERS_TABLE");
        String state = config.require("STATE_TABLE");
        int segments = Integer.parseInt(config.optional("FINALIZE_SCAN_SEGMENTS").orElse("8"));
        long progressEvery = Long.parseLong(config.optional("FINALIZE_PROGRESS_EVERY").orElse("100000"));
        FinalizationService.Settings settings = new FinalizationService.Settings(
                duration(config, "FINALIZE_IN_FLIGHT_GRACE", "PT15S"),
                duration(config, "FINALIZE_DRAIN_WAIT", "PT2M"),
                duration(config, "FINALIZE_DRAIN_POLL", "PT2S"));
        DynamoFinalReports reports = new DynamoFinalReports(s.dynamo(), state);
        // Built now, not at the first run: SnapStart's snapshot holds it, and a missing COMPANIES_TABLE
        // fails the deployment rather than the campaign's closing (SnapStartInitTest).
        var claims = s.claims();
        FinalizationService.Ports ports = new FinalizationService.Ports(
                s.aggregation(),
                new DynamoDonationCounter(s.dynamo(), s.campaign(), ledger, users, state),
                new DynamoUncountedDonations(s.dynamo(), ledger),
                new DynamoLedgerScan(s.dynamo(), ledger, segments, progressEvery),
                new DynamoProfileTotals(s.dynamo(), users, segments, progressEvery),
                new DynamoTotalsCorrector(s.dynamo(), state, users),
                new DynamoFinalStandings(s.dynamo(), state),
                reports,
                reports,
                new SqsQueueDepth(s.sqs(), config.require("DONATION_QUEUE_URL")),
                () -> claims.all().stream().map(c -> {
                    var receipt = claims.receipt(c);
                    return new FinalReport.ClaimLine(receipt.claimId(), receipt.companyCode(), receipt.companyName(),
                            receipt.regions(), receipt.coverageAmountYuan(), receipt.claimedAt());
                }).toList(),
                Log::info,
                Pause.THREAD_SLEEP);
        return new FinalizationService(s.campaign(), ports, settings, s.clock());
    }

    static FinalReportService reports(Services s) {
        return new FinalReportService(new DynamoFinalReports(s.dynamo(), s.config().require("STATE_TABLE")));
    }

    private static Duration duration(Config config, String name, String fallback) {
        return Duration.parse(config.optional(name).orElse(fallback));
    }
}
