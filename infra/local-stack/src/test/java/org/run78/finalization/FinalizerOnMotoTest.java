package org.run78.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.finalization.FinalizationKit.CAMPAIGN;
import static org.run78.finalization.FinalizationKit.END;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Json;
import org.run78.app.Services;
import org.run78.domain.aggregation.Deltas;
import org.run78.domain.donation.Donation;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.finalization.Counts;
import org.run78.domain.finalization.Drift;
import org.run78.domain.finalization.FinalReport;
import org.run78.domain.finalization.FinalizationService;
import org.run78.domain.leaderboard.Leaderboard;
import org.run78.local.SharedMoto;
import org.run78.store.DynamoDonationCounter;
import org.run78.store.Keys;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The finalizer against moto_server: real conditional writes, real scans, the template's tables. */
class FinalizerOnMotoTest {

    static FinalizationService.Outcome finalizeAt(FinalizationKit kit, Instant now) {
        return kit.services(now).finalization().run();
    }

    /** The report's numbers, computed here from the ledger alone. */
    static void assertReportEqualsTheLedger(FinalizationKit kit, FinalReport report) {
        List<Donation> ledger = kit.ledgerDonations();
        Deltas sums = Deltas.of(ledger);
        assertEquals(ledger.size(), report.totals().donations(), "donations");
        assertEquals(ledger.stream().map(Donation::userId).distinct().count(), report.totals().donors(), "donors");
        assertEquals(ledger.stream().mapToLong(Donation::countedSteps).sum(), report.totals().countedSteps(), "counted steps");
        assertEquals(36, report.regions().size());
        Map<String, Long> regionSteps = new TreeMap<>();
        report.regions().forEach(r -> {
            if (r.steps() != 0) {
                regionSteps.put(r.code(), r.steps());
            }
        });
        assertEquals(new TreeMap<>(sums.regionSteps()), regionSteps, "region steps");
        report.regions().forEach(r -> assertEquals(sums.regionDonations().getOrDefault(r.code(), 0L), r.donations(), r.code()));
        assertEquals(22, report.aided().size());
        Map<String, Long> aided = Deltas.aidedSteps(CAMPAIGN, sums.regionSteps());
        report.aided().forEach(a -> assertEquals(aided.getOrDefault(a.code(), 0L), a.steps(), "aided " + a.code()));
    }

    /** And the stored totals agree with it: regions, aided regions, every user. */
    static void assertStoredTotalsEqualTheLedger(FinalizationKit kit) {
        Deltas sums = kit.ledgerSums();
        assertEquals(new TreeMap<>(sums.regionSteps()), kit.stored("REGION#"));
        assertEquals(new TreeMap<>(Deltas.aidedSteps(CAMPAIGN, sums.regionSteps())), kit.stored("AIDED#"));
        Map<String, Long> regionDonations = new TreeMap<>(sums.regionDonations());
        regionDonations.values().removeIf(count -> count == 0);
        assertEquals(regionDonations, kit.stored("REGION#", "donations"), "region donation counts");
        Map<String, Long> users = new TreeMap<>();
        Map<String, Long> userDonations = new TreeMap<>();
        sums.users().forEach((u, d) -> {
            users.put(u, d.countedSteps());
            userDonations.put(u, d.donations());
        });
        assertEquals(users, kit.storedUserSteps());
        assertEquals(userDonations, kit.storedUser("donations"), "user donation counts");
    }

    @Test
    void aDonationCountedAsTheLedgerScanBeginsIsFoldedBeforeTheTotalsAreReconciledNotAfter() {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(4, 1));
        // X is in the ledger but not yet in the Uncounted index (it lags), and its message is in flight.
        Donation x = FinalizationKit.donation(FinalizationKit.user(99), LocalDate.of(2019, 7, 8), "330000", 20_000);
        kit.ledger.record(x);
        kit.dynamo.updateItem(u -> u.tableName(kit.env.get("LEDGER_TABLE"))
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.ledgerPk(x.userId())),
                        Keys.SK, AttributeValue.fromS(Keys.ledgerSk(x.day()))))
                .updateExpression("REMOVE " + Keys.UNCOUNTED_SHARD));
        Services aggregateFunction = kit.services(END.plusSeconds(30));
        AtomicBoolean counted = new AtomicBoolean();
        ExecutionInterceptor aggregateCountsAsTheScanBegins = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
                if (c.request() instanceof ScanRequest scan && scan.tableName().equals(kit.env.get("LEDGER_TABLE"))
                        && counted.compareAndSet(false, true)) {
                    // The aggregate function's counting transaction commits; its fold would come a moment later.
                    new DynamoDonationCounter(SharedMoto.dynamoDb(), CAMPAIGN, kit.env.get("LEDGER_TABLE"),
                            kit.env.get("USERS_TABLE"), kit.env.get("STATE_TABLE")).count(List.of(x), END.plusSeconds(30));
                }
            }
        };
        Services finalizeFunction = Services.create(new Config(kit.env), Clock.fixed(END.plusSeconds(60), ZoneOffset.UTC),
                List.of(aggregateCountsAsTheScanBegins));

        FinalReport report = finalizeFunction.finalization().run().report();
        aggregateFunction.aggregation().settle(Set.of()); // the aggregate function's own fold, too late

        assertTrue(counted.get(), "the aggregate function counted X during the run");
        assertReportEqualsTheLedger(kit, report);
        assertStoredTotalsEqualTheLedger(kit);
    }

    @Test
    void aRunThatDiedBeforeMarkingTheCampaignFinalIsCompletedByTheNextRun() {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(3, 1));
        ExecutionInterceptor dieAtMarkFinal = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
                if (c.request() instanceof UpdateItemRequest u && u.updateExpression().contains("finalizedAt")) {
                    throw new IllegalStateException("the function died before marking the campaign final");
                }
            }
        };
        Services dying = Services.create(new Config(kit.env), Clock.fixed(END.plusSeconds(60), ZoneOffset.UTC),
                List.of(dieAtMarkFinal));
        assertThrows(IllegalStateException.class, () -> dying.finalization().run());
        assertEquals("closed", kit.item("STATE_TABLE", Keys.CAMPAIGN_PK, Keys.STATUS_SK).get("status").s());

        FinalizationService.Outcome again = kit.services(END.plusSeconds(120)).finalization().run();

        assertFalse(again.publishedNow());
        assertEquals("final", kit.item("STATE_TABLE", Keys.CAMPAIGN_PK, Keys.STATUS_SK).get("status").s());
    }

    @Test
    void driftPlantedInTheTotalsIsCorrectedWithEachCorrectionLoggedAndTheReportEqualsTheLedger() {
        FinalizationKit kit = new FinalizationKit();
        List<Donation> donations = kit.recorded(12, 4);
        kit.counted(donations);
        assertStoredTotalsEqualTheLedger(kit);

        // A lost increment: Zhejiang's total lacks a donation of 10,000 steps.
        String zhejiang = Keys.regionPk("330000");
        long zhejiangSteps = kit.number("STATE_TABLE", zhejiang, Keys.TOTAL_SK, "steps");
        long zhejiangCount = kit.number("STATE_TABLE", zhejiang, Keys.TOTAL_SK, "donations");
        kit.set("STATE_TABLE", zhejiang, Keys.TOTAL_SK, "steps", zhejiangSteps - 10_000);
        kit.set("STATE_TABLE", zhejiang, Keys.TOTAL_SK, "donations", zhejiangCount - 1);
        // A doubled increment: a user's total and Gansu's aided total counted one donation twice.
        Donation twice = donations.get(5);
        String user = Keys.userPk(twice.userId());
        Counts userTotal = new Counts(kit.number("USERS_TABLE", user, Keys.PROFILE_SK, "countedSteps"),
                kit.number("USERS_TABLE", user, Keys.PROFILE_SK, "donations"));
        kit.set("USERS_TABLE", user, Keys.PROFILE_SK, "countedSteps", userTotal.steps() + twice.countedSteps());
        kit.set("USERS_TABLE", user, Keys.PROFILE_SK, "donations", userTotal.donations() + 1);
        long gansu = kit.number("STATE_TABLE", Keys.aidedPk("620000"), Keys.TOTAL_SK, "steps");
        kit.set("STATE_TABLE", Keys.aidedPk("620000"), Keys.TOTAL_SK, "steps", gansu + twice.countedSteps());

        FinalizationKit.Captured<FinalizationService.Outcome> run = FinalizationKit.capturingLogs(
                () -> finalizeAt(kit, END.plusSeconds(120)));

        List<Drift> expected = List.of(
                new Drift(Drift.Scope.REGION, "330000", new Counts(zhejiangSteps - 10_000, zhejiangCount - 1),
                        new Counts(zhejiangSteps, zhejiangCount)),
                new Drift(Drift.Scope.AIDED, "620000", new Counts(gansu + twice.countedSteps(), 0), new Counts(gansu, 0)),
                new Drift(Drift.Scope.USER, twice.userId(), new Counts(userTotal.steps() + twice.countedSteps(),
                        userTotal.donations() + 1), userTotal));
        assertEquals(expected, run.result().corrections());

        List<JsonNode> logged = run.events("finalize.corrected");
        assertEquals(3, logged.size(), "one log line per correction");
        JsonNode region = logged.stream().filter(l -> l.get("item").asText().equals("REGION#330000/TOTAL")).findFirst().orElseThrow();
        assertEquals(zhejiangSteps - 10_000, region.get("storedSteps").asLong());
        assertEquals(zhejiangSteps, region.get("ledgerSteps").asLong());
        assertEquals(10_000, region.get("differenceSteps").asLong());
        assertEquals(1, region.get("differenceDonations").asLong());
        JsonNode aided = logged.stream().filter(l -> l.get("item").asText().equals("AIDED#620000/TOTAL")).findFirst().orElseThrow();
        assertEquals(-twice.countedSteps(), aided.get("differenceSteps").asLong());
        JsonNode userLine = logged.stream().filter(l -> l.get("item").asText().startsWith("USER#")).findFirst().orElseThrow();
        assertEquals(-twice.countedSteps(), userLine.get("differenceSteps").asLong());
        assertEquals(-1, userLine.get("differenceDonations").asLong());
        assertTrue(run.events("scan.done").size() >= 2, "the ledger and the profiles were scanned");
        assertFalse(run.events("scan.progress").isEmpty(), "progress is logged as the scan goes");

        assertStoredTotalsEqualTheLedger(kit);
        assertReportEqualsTheLedger(kit, run.result().report());
        assertEquals(3, run.result().report().reconciliation().corrections());
    }

    @Test
    void aSecondRunReturnsTheIdenticalReportAndChangesNoItemOfAnyTable() {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(6, 2));
        FinalReport first = finalizeAt(kit, END.plusSeconds(60)).report();
        Map<String, ?> before = kit.everything();

        FinalizationService.Outcome second = finalizeAt(kit, END.plus(Duration.ofDays(3)));

        assertFalse(second.publishedNow());
        assertEquals(Json.write(first), Json.write(second.report()), "byte for byte");
        assertEquals(before, kit.everything());
        assertEquals("2019-07-08T18:01+08:00", first.finalizedAt().toString());
    }

    @Test
    void aRunBeforeTheEndIsRefusedWithCampaignNotEndedAndWritesNothing() {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(3, 1));
        Map<String, ?> before = kit.everything();
        DomainException refused = assertThrows(DomainException.class, () -> finalizeAt(kit, END.minusMillis(1)));
        assertEquals(ErrorCode.CAMPAIGN_NOT_ENDED, refused.code());
        assertEquals(before, kit.everything());
        assertThrows(DomainException.class, () -> kit.services(END).finalReports().published(), "no report yet");
    }

    @Test
    void donationsUncountedAtFinalizationAreCountedOnceEvenWhenTheirMessagesArriveAfterwards() {
        FinalizationKit kit = new FinalizationKit();
        List<Donation> donations = kit.recorded(10, 2);
        List<Donation> countedBefore = donations.subList(0, 12);
        List<Donation> neverPublished = donations.subList(12, donations.size());
        kit.counted(countedBefore);

        FinalizationService.Outcome outcome = finalizeAt(kit, END.plusSeconds(60));
        assertEquals(neverPublished.size(), outcome.countedNow());
        assertEquals(List.of(), outcome.corrections(), "counted through the exactly-once path, not patched by corrections");
        assertReportEqualsTheLedger(kit, outcome.report());
        assertStoredTotalsEqualTheLedger(kit);
        assertTrue(kit.scan("LEDGER_TABLE").stream().allMatch(i -> i.containsKey("countedAt") && !i.containsKey(Keys.UNCOUNTED_SHARD)));

        Map<String, ?> after = kit.everything();
        // Their messages come late, twice, with the rest: every one is found counted already.
        for (int i = 0; i < 2; i++) {
            JsonNode answer = kit.deliverToAggregate(donations, END.plusSeconds(600));
            assertEquals(0, answer.get("batchItemFailures").size());
        }
        assertEquals(after, kit.everything(), "no total moved, and the frozen standings stayed as they were");
        Leaderboard board = kit.services(END.plusSeconds(700)).leaderboard().current();
        assertEquals("final", board.campaign().status());
    }

    @Test
    void aQueueThatDoesNotDrainIsWaitedForOnlyBoundedlyAndWhatIsLeftIsReported() {
        FinalizationKit kit = new FinalizationKit(Map.of("FINALIZE_DRAIN_WAIT", "PT1S"));
        List<Donation> donations = kit.recorded(3, 1);
        kit.counted(donations);
        for (Donation d : donations) { // stuck messages: no consumer in this test
            SharedMoto.sqs().sendMessage(b -> b.queueUrl(kit.env.get("DONATION_QUEUE_URL")).messageBody(Json.write(d)));
        }
        long started = System.nanoTime();
        FinalizationService.Outcome outcome = finalizeAt(kit, END.plusSeconds(60));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertFalse(outcome.drain().drained());
        assertEquals(3, outcome.drain().messagesLeft());
        assertEquals(Duration.ofSeconds(1), outcome.drain().waited());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "bounded: " + took);
        assertEquals(3, outcome.report().reconciliation().queueMessagesLeft());
        assertReportEqualsTheLedger(kit, outcome.report());
    }

    @Test
    void twoConcurrentRunsPublishOneReportAndBothAnswerIt() throws Exception {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(8, 2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<FinalizationService.Outcome>> runs = List.of(
                    () -> finalizeAt(kit, END.plusSeconds(60)), () -> finalizeAt(kit, END.plusSeconds(61)));
            List<FinalReport> reports = new ArrayList<>();
            int publishedNow = 0;
            for (Future<FinalizationService.Outcome> f : pool.invokeAll(runs)) {
                reports.add(f.get().report());
                publishedNow += f.get().publishedNow() ? 1 : 0;
            }
            assertEquals(1, publishedNow);
            assertEquals(Json.write(reports.get(0)), Json.write(reports.get(1)));
            assertEquals(Json.write(reports.get(0)), Json.write(kit.services(END).finalReports().published()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTargetReachedWithoutItsGenerationTimeGetsOneAndTheLeaderboardShowsTheFinalStandings() {
        FinalizationKit kit = new FinalizationKit();
        // 790 donors of 98,800 steps to Zhejiang: 78,052,000 steps for Gansu.
        List<Donation> donations = new ArrayList<>();
        for (int i = 0; i < 790; i++) {
            donations.add(FinalizationKit.donation(FinalizationKit.user(1_000 + i), LocalDate.of(2019, 7, 1), "330000", 98_800));
        }
        donations.forEach(kit.ledger::record);
        kit.counted(donations);
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> gansu =
                kit.item("STATE_TABLE", Keys.aidedPk("620000"), Keys.TOTAL_SK);
        assertTrue(gansu.containsKey("generatedAt"), "aggregation generated it");
        // Planted: the generation time lost.
        kit.dynamo.updateItem(u -> u.tableName(kit.env.get("STATE_TABLE")).key(Map.of(
                        Keys.PK, gansu.get(Keys.PK), Keys.SK, gansu.get(Keys.SK)))
                .updateExpression("REMOVE generatedAt"));

        Instant at = END.plusSeconds(60);
        FinalizationService.Outcome outcome = finalizeAt(kit, at);

        assertEquals(List.of("620000"), outcome.projectsMarkedGenerated());
        FinalReport.AidedLine line = outcome.report().aided().get(0);
        assertEquals("620000", line.code());
        assertEquals(78_052_000, line.steps());
        assertTrue(line.projectGenerated());
        assertEquals(at, line.generatedAt().toInstant());
        Leaderboard board = kit.services(at.plusSeconds(5)).leaderboard().current();
        assertEquals("final", board.campaign().status());
        assertEquals(78_052_000, board.aided().get(0).steps());
        assertTrue(board.aided().get(0).projectGenerated());
        assertEquals(50, board.topDonors().size());
        assertEquals(Set.of("final"), kit.scan("STATE_TABLE").stream()
                .filter(i -> i.get(Keys.PK).s().equals(Keys.CAMPAIGN_PK)).map(i -> i.get("status").s()).collect(Collectors.toSet()));
        assertNotEquals(null, kit.item("STATE_TABLE", Keys.REPORT_PK, Keys.FINAL_SK).get("data"));
    }

    @Test
    void theFrozenTopDonorsAreTheLedgersUnderTheNamesChosenEvenWhereAStoredTotalDrifted() {
        FinalizationKit kit = new FinalizationKit();
        List<Donation> donations = kit.recorded(6, 2);
        kit.counted(donations);
        Donation modest = donations.get(0);
        // Planted: one donor's stored total inflated far above everyone's (the index would rank them first).
        kit.set("USERS_TABLE", Keys.userPk(modest.userId()), Keys.PROFILE_SK, "countedSteps", 5_000_000);
        Map<String, Long> ledgerTotals = new TreeMap<>();
        kit.ledgerSums().users().forEach((u, d) -> ledgerTotals.put(u, d.countedSteps()));
        String best = ledgerTotals.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        kit.dynamo.updateItem(u -> u.tableName(kit.env.get("USERS_TABLE"))
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.userPk(best)), Keys.SK, AttributeValue.fromS(Keys.PROFILE_SK)))
                .updateExpression("SET displayName = :name")
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("领跑者"))));

        Instant at = END.plusSeconds(60);
        finalizeAt(kit, at);

        Leaderboard board = kit.services(at.plusSeconds(5)).leaderboard().current();
        List<Long> expected = ledgerTotals.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(expected, board.topDonors().stream().map(Leaderboard.DonorStanding::steps).toList(),
                "every donor once, at the ledger's total, best first");
        assertEquals("领跑者", board.topDonors().get(0).displayName());
    }

    @Test
    void theSampleEventsDriveTheFinalizerAndTheReportAsSamLocalInvokeWould() throws Exception {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(4, 1));
        java.nio.file.Path events = org.run78.local.ProjectTemplate.find().getParent().resolve("events");
        Instant after = END.plusSeconds(300);

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new org.run78.handlers.FinalizeHandler(kit.services(after))
                .handleRequest(java.nio.file.Files.newInputStream(events.resolve("FinalizeFunction.json")), out, null);
        JsonNode report = Json.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("2019", report.get("campaignId").asText());
        assertEquals(4, report.get("totals").get("donations").asLong());

        out = new java.io.ByteArrayOutputStream();
        new org.run78.handlers.ReportHandler(kit.services(after))
                .handleRequest(java.nio.file.Files.newInputStream(events.resolve("ReportFunction.json")), out, null);
        JsonNode response = Json.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, response.get("statusCode").asInt());
        assertEquals("text/csv; charset=utf-8", response.get("headers").get("content-type").asText());
        String csv = response.get("body").asText();
        assertTrue(csv.startsWith("\uFEFFrank,code,name,nameEn,steps,donations,aidedCode\r\n"), csv);
        assertEquals(37, csv.split("\r\n").length);
    }

    @Test
    void theFinalizersHttpRouteWantsTheAdminTokenAndAnswersTheReport() throws Exception {
        FinalizationKit kit = new FinalizationKit();
        kit.counted(kit.recorded(2, 1));
        org.run78.handlers.FinalizeHandler handler = new org.run78.handlers.FinalizeHandler(kit.services(END.plusSeconds(60)));
        assertEquals(401, post(handler, null).get("statusCode").asInt());
        assertEquals(401, post(handler, "not-the-admin-token-0123456789abcdefghij").get("statusCode").asInt());
        assertEquals(List.of(), kit.scan("STATE_TABLE").stream()
                .filter(i -> i.get(Keys.PK).s().equals(Keys.REPORT_PK)).toList(), "refused before anything ran");
        JsonNode ok = post(handler, kit.env.get("ADMIN_TOKEN"));
        assertEquals(200, ok.get("statusCode").asInt());
        JsonNode report = Json.parse(ok.get("body").asText());
        assertEquals(2, report.get("totals").get("donations").asLong());

        JsonNode early = post(new org.run78.handlers.FinalizeHandler(kit.services(END.minusSeconds(1))), kit.env.get("ADMIN_TOKEN"));
        assertEquals(409, early.get("statusCode").asInt());
        assertEquals("CAMPAIGN_NOT_ENDED", Json.parse(early.get("body").asText()).get("error").get("code").asText());
    }

    static JsonNode post(org.run78.handlers.FinalizeHandler handler, String bearer) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /v1/admin/finalize");
        event.put("rawPath", "/v1/admin/finalize");
        com.fasterxml.jackson.databind.node.ObjectNode headers = event.putObject("headers");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        com.fasterxml.jackson.databind.node.ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "finalize-test");
        context.put("routeKey", "POST /v1/admin/finalize");
        context.putObject("http").put("method", "POST").put("path", "/v1/admin/finalize");
        event.put("isBase64Encoded", false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, null);
        return Json.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
