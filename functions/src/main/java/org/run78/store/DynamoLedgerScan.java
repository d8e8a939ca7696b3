package org.run78.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.run78.domain.finalization.LedgerDonation;
import org.run78.domain.finalization.LedgerScan;

/** The ledger, read whole by a parallel Scan (the finalizer's reconciliation; docs/finalization.md). */
public final class DynamoLedgerScan implements LedgerScan {
    private final ParallelScan scan;
    private final String ledgerTable;

    public DynamoLedgerScan(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String ledgerTable,
                            int segments, long progressEvery) {
        this.scan = new ParallelScan(dynamo, segments, progressEvery);
        this.ledgerTable = ledgerTable;
    }

    @Override
    public <S extends Consumer<LedgerDonation>> List<S> scan(Supplier<S> sinkPerSegment) {
        // Only what a donation is made of, and its counted mark (a projection saves bandwidth, not read units).
        return scan.run(ledgerTable, b -> b
                        .projectionExpression("#sk, donationId, userId, #day, regionCode, steps, countedSteps, donatedAt, countedAt")
                        .expressionAttributeNames(Map.of("#sk", Keys.SK, "#day", "day")),
                sinkPerSegment,
                (sink, item) -> {
                    if (Items.optionalString(item, Keys.SK).filter(sk -> sk.startsWith(Keys.LEDGER_DAY_PREFIX)).isPresent()) {
                        sink.accept(new LedgerDonation(DynamoDonationLedger.fromItem(item), item.containsKey("countedAt")));
                    }
                });
    }
}
