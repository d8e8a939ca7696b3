package org.run78.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.badge.DonorHistory;
import org.run78.domain.donation.Donation;
import org.run78.domain.profile.StoredProfile;
import org.run78.local.AwsClients;
import org.run78.local.ProvisionedResources;
import org.run78.local.SharedMoto;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The badge, profile and donor-history stores against moto_server, on the tables template.yaml declares. */
class BadgeAndProfileStoresTest {
    static final String ALICE = "u_alice00000000000000000000001";
    static final String BOB = "u_bob0000000000000000000000001";

    /** Every request the stores make, and every response, for counting reads and looking inside them. */
    final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
    final List<SdkResponse> responses = new CopyOnWriteArrayList<>();

    DynamoDbClient dynamo;
    String users;
    String ledger;

    @BeforeEach
    void freshTables() {
        ProvisionedResources resources = SharedMoto.resetToTemplate();
        users = resources.table("UsersTable").name();
        ledger = resources.table("LedgerTable").name();
        AwsClients.useDummyCredentialsForThisJvm();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(SharedMoto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        requests.add(context.request());
                    }

                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        responses.add(context.response());
                    }
                }))
                .build();
    }

    static Donation donation(String userId, String day, int steps) {
        LocalDate d = LocalDate.parse(day);
        return new Donation(Donation.idFor(userId, d), userId, d, "620000", steps, steps,
                Instant.parse(day + "T12:00:00Z"));
    }

    @Test
    void aBadgeIsAwardedOnceAndASecondAwardNeverChangesItsAwardedAt() {
        DynamoBadges badges = new DynamoBadges(dynamo, users);
        Instant first = Instant.parse("2019-06-25T12:00:00Z");
        assertTrue(badges.award(ALICE, new AwardedBadge("first-donation", first)));
        assertFalse(badges.award(ALICE, new AwardedBadge("first-donation", Instant.parse("2019-06-26T12:00:00Z"))));
        assertEquals(List.of(new AwardedBadge("first-donation", first)), badges.of(ALICE));
    }

    @Test
    void theAwardIsRefusedByTheWritesConditionNotByAReadBeforeIt() {
        DynamoBadges badges = new DynamoBadges(dynamo, users);
        badges.award(ALICE, new AwardedBadge("first-donation", Instant.parse("2019-06-25T12:00:00Z")));
        requests.clear();
        assertFalse(badges.award(ALICE, new AwardedBadge("first-donation", Instant.parse("2019-06-26T12:00:00Z"))));
        assertEquals(List.of("PutItemRequest"), requests.stream().map(r -> r.getClass().getSimpleName()).toList());
    }

    @Test
    void eachUserHoldsOnlyTheirOwnBadges() {
        DynamoBadges badges = new DynamoBadges(dynamo, users);
        badges.award(ALICE, new AwardedBadge("first-donation", Instant.parse("2019-06-25T12:00:00Z")));
        badges.award(ALICE, new AwardedBadge("five-donations", Instant.parse("2019-06-29T12:00:00Z")));
        badges.award(BOB, new AwardedBadge("first-donation", Instant.parse("2019-06-27T12:00:00Z")));
        assertEquals(2, badges.of(ALICE).size());
        assertEquals(List.of(new AwardedBadge("first-donation", Instant.parse("2019-06-27T12:00:00Z"))), badges.of(BOB));
    }

    @Test
    void aDonorsHistoryIsTheirLedgerItemsInDayOrderReadAtOnceAfterTheWrite() {
        DynamoDonationLedger writes = new DynamoDonationLedger(dynamo, ledger);
        writes.record(donation(ALICE, "2019-06-27", 9_000));
        writes.record(donation(ALICE, "2019-06-25", 8_000));
        writes.record(donation(BOB, "2019-06-26", 30_000));
        writes.record(donation(ALICE, "2019-06-26", 7_800));
        requests.clear();
        DonorHistory history = new DynamoDonorHistories(dynamo, ledger).of(ALICE);
        assertEquals(List.of("2019-06-25", "2019-06-26", "2019-06-27"),
                history.donations().stream().map(d -> d.day().toString()).toList());
        assertEquals(24_800, history.countedSteps());
        assertEquals(3, history.currentStreak(LocalDate.parse("2019-06-28"), true));
        assertEquals(1, requests.size(), "one Query of the user's partition");
        assertEquals(Boolean.TRUE, ((software.amazon.awssdk.services.dynamodb.model.QueryRequest) requests.get(0)).consistentRead());
    }

    @Test
    void aDonorWithNoDonationsHasAnEmptyHistory() {
        assertEquals(0, new DynamoDonorHistories(dynamo, ledger).of(ALICE).count());
    }

    @Test
    void theProfileAndBadgesAreOneReadThatNeverCarriesTheSessionKey() {
        new DynamoSessionKeys(dynamo, users).store(ALICE, "c2Vzc2lvbi1rZXktc2VjcmV0", Instant.parse("2019-06-25T01:00:00Z"));
        new DynamoBadges(dynamo, users).award(ALICE, new AwardedBadge("first-donation", Instant.parse("2019-06-25T12:00:00Z")));
        DynamoProfiles profiles = new DynamoProfiles(dynamo, users);
        profiles.setDisplayName(ALICE, "小明", Instant.parse("2019-06-25T02:00:00Z"));
        requests.clear();
        responses.clear();

        StoredProfile profile = profiles.load(ALICE);

        assertEquals(Optional.of("小明"), profile.displayName());
        assertEquals(List.of(new AwardedBadge("first-donation", Instant.parse("2019-06-25T12:00:00Z"))), profile.badges());
        assertEquals(1, requests.size());
        QueryResponse read = (QueryResponse) responses.get(0);
        assertEquals(2, read.items().size());
        for (Map<String, AttributeValue> item : read.items()) {
            assertFalse(item.containsKey("sessionKey"), "the session key was read: " + item.keySet());
        }
    }

    @Test
    void settingTheDisplayNameKeepsTheSessionKeyAndTheCountedTotals() {
        new DynamoSessionKeys(dynamo, users).store(ALICE, "c2Vzc2lvbi1rZXktc2VjcmV0", Instant.parse("2019-06-25T01:00:00Z"));
        dynamo.updateItem(b -> b.tableName(users)
                .key(Map.of(Keys.PK, Items.s(Keys.userPk(ALICE)), Keys.SK, Items.s(Keys.PROFILE_SK)))
                .updateExpression("ADD countedSteps :steps SET totalShard = :shard")
                .expressionAttributeValues(Map.of(":steps", Items.n(12_000), ":shard", Items.s(Keys.totalShard(ALICE)))));
        DynamoProfiles profiles = new DynamoProfiles(dynamo, users);
        profiles.setDisplayName(ALICE, "跑步的人", Instant.parse("2019-06-25T02:00:00Z"));
        profiles.setDisplayName(ALICE, "小明", Instant.parse("2019-06-25T03:00:00Z"));

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(users)
                .key(Map.of(Keys.PK, Items.s(Keys.userPk(ALICE)), Keys.SK, Items.s(Keys.PROFILE_SK)))).item();
        assertEquals("小明", item.get("displayName").s());
        assertEquals("c2Vzc2lvbi1rZXktc2VjcmV0", item.get("sessionKey").s());
        assertEquals("12000", item.get("countedSteps").n());
        assertEquals(Optional.of("c2Vzc2lvbi1rZXktc2VjcmV0"), new DynamoSessionKeys(dynamo, users).current(ALICE));
    }

    @Test
    void aUserWhoNeverChoseANameHasNoneStored() {
        new DynamoSessionKeys(dynamo, users).store(ALICE, "c2Vzc2lvbi1rZXktc2VjcmV0", Instant.parse("2019-06-25T01:00:00Z"));
        StoredProfile profile = new DynamoProfiles(dynamo, users).load(ALICE);
        assertEquals(Optional.empty(), profile.displayName());
        assertTrue(profile.badges().isEmpty());
    }
}
