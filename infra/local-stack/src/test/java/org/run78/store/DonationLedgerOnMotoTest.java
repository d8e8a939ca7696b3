package org.run78.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.domain.donation.Donation;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.local.AwsClients;
import org.run78.local.SharedMoto;
import org.run78.testing.CallRecorder;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The donation ledger against moto_server: one donation per user per campaign day, decided by the write. */
class DonationLedgerOnMotoTest {
    static final String USER = "u_ledger000000000000000000001";
    static final LocalDate DAY = LocalDate.of(2019, 6, 27);

    final CallRecorder calls = new CallRecorder();
    DynamoDbClient dynamo;
    String table;
    DynamoDonationLedger ledger;

    @BeforeEach
    void freshLedger() {
        table = SharedMoto.resetToTemplate().table("LedgerTable").name();
        dynamo = AwsClients.dynamoDb(SharedMoto.endpoint(), calls);
        ledger = new DynamoDonationLedger(dynamo, table);
    }

    static Donation donation(String userId, LocalDate day, String region, int steps) {
        return new Donation(Donation.idFor(userId, day), userId, day, region, steps, steps,
                day.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)));
    }

    @Test
    void aSecondDonationOnOneDayIsRefusedByTheWritesConditionNotByAReadBeforeIt() {
        Donation first = donation(USER, DAY, "330000", 12_345);
        ledger.record(first);
        calls.clear();

        DomainException refused = assertThrows(DomainException.class,
                () -> ledger.record(donation(USER, DAY, "620000", 20_000)));

        assertEquals(ErrorCode.ALREADY_DONATED_TODAY, refused.code());
        assertEquals(first, refused.details().get("donation"), "the refusal carries the donation made, from the write's ALL_OLD");
        assertEquals(1, calls.requests().size(), "one call, the write itself: " + calls.requests());
        PutItemRequest put = assertInstanceOf(PutItemRequest.class, calls.requests().get(0));
        assertEquals("attribute_not_exists(pk)", put.conditionExpression());
        assertEquals(List.of(first), itemsOf(USER), "the first donation stands unchanged");
    }

    @Test
    void aNewDayTakesANewDonationToAnotherRegion() {
        ledger.record(donation(USER, DAY, "330000", 12_345));
        ledger.record(donation(USER, DAY.plusDays(1), "620000", 9_000));

        assertEquals(List.of("330000", "620000"), itemsOf(USER).stream().map(Donation::regionCode).toList());
    }

    @Test
    void ofTwentyRacingDonationsOfOneUserOnOneDayExactlyOneIsRecordedAndEveryOtherIsShownIt() throws Exception {
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Donation>> outcomes = new ArrayList<>();
        List<String> regions = List.of("330000", "620000", "110000", "540000");
        for (int i = 0; i < racers; i++) {
            Donation attempt = donation(USER, DAY, regions.get(i % regions.size()), 8_000 + i);
            Callable<Donation> race = () -> {
                start.await();
                try {
                    ledger.record(attempt);
                    return attempt;
                } catch (DomainException refused) {
                    assertEquals(ErrorCode.ALREADY_DONATED_TODAY, refused.code());
                    return null;
                }
            };
            outcomes.add(pool.submit(race));
        }
        start.countDown();
        List<Donation> winners = new ArrayList<>();
        for (Future<Donation> outcome : outcomes) {
            Donation won = outcome.get();
            if (won != null) {
                winners.add(won);
            }
        }
        pool.shutdown();

        assertEquals(1, winners.size(), "winners: " + winners);
        assertEquals(winners, itemsOf(USER));
    }

    private List<Donation> itemsOf(String userId) {
        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ledgerPk(userId))))).items();
        return items.stream().map(DynamoDonationLedger::fromItem).toList();
    }
}
