package org.run78.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Business metrics in CloudWatch's embedded metric format (EMF): one JSON line on stdout per
 * record, which CloudWatch Logs turns into metrics of the namespace {@value #NAMESPACE}. No
 * library and no PutMetricData call: nothing on the request path waits for CloudWatch, and the
 * functions need no cloudwatch:* permission. Dimensions are route keys and error codes only,
 * never a user, a company or a region, so the number of metric series stays small and fixed.
 */
public final class Metrics {
    public static final String NAMESPACE = "Run78";

    // The names the template's alarms and docs/production.md refer to.
    public static final String REFUSED = "Refused";
    public static final String FAILED = "Failed";
    public static final String DONATIONS_ACCEPTED = "DonationsAccepted";
    public static final String DONATED_STEPS = "DonatedSteps";
    public static final String DONATIONS_COUNTED = "DonationsCounted";
    public static final String AGGREGATION_LAG_MAX = "AggregationLagMax";
    public static final String AGGREGATION_LAG_AVG = "AggregationLagAvg";
    public static final String CLAIMS = "Claims";
    public static final String FINALIZER_RUNS = "FinalizerRuns";

    public enum Unit { Count, Milliseconds }

    /** One metric value of a record. */
    public record Value(String name, double value, Unit unit) {
        public static Value count(String name, long n) {
            return new Value(name, n, Unit.Count);
        }

        public static Value millis(String name, long ms) {
            return new Value(name, ms, Unit.Milliseconds);
        }
    }

    private Metrics() {}

    /** A request the contract refused, by route key (`POST /v1/donations`) and error code. */
    public static void refused(String routeKey, String errorCode) {
        emit(dimensions("Route", routeKey, "Code", errorCode), List.of(Value.count(REFUSED, 1)));
    }

    /** A request answered 500: a bug or an outage, by route key. */
    public static void failed(String routeKey) {
        emit(dimensions("Route", routeKey), List.of(Value.count(FAILED, 1)));
    }

    public static void donationAccepted(long countedSteps) {
        emit(Map.of(), List.of(Value.count(DONATIONS_ACCEPTED, 1), Value.count(DONATED_STEPS, countedSteps)));
    }

    /** One aggregation batch: how many donations it counted and how long after donatedAt (max and mean). */
    public static void aggregated(int counted, long maxLagMillis, long avgLagMillis) {
        emit(Map.of(), List.of(Value.count(DONATIONS_COUNTED, counted),
                Value.millis(AGGREGATION_LAG_MAX, maxLagMillis), Value.millis(AGGREGATION_LAG_AVG, avgLagMillis)));
    }

    public static void claimRecorded() {
        emit(Map.of(), List.of(Value.count(CLAIMS, 1)));
    }

    /** A run of the finalizer, by outcome (for example `finalized`, `already-final`, `not-ended`). */
    public static void finalizerRun(String outcome) {
        emit(dimensions("Outcome", outcome), List.of(Value.count(FINALIZER_RUNS, 1)));
    }

    /** Writes one EMF record with the given dimensions (possibly none) and values. */
    public static void emit(Map<String, String> dimensions, List<Value> values) {
        System.out.println(record(System.currentTimeMillis(), dimensions, values));
    }

    /**
     * The EMF line. The timestamp is the wall clock of emission, not the campaign clock: CloudWatch
     * drops records stamped more than two weeks in the past, which a simulated 2019 clock would be.
     */
    static String record(long epochMillis, Map<String, String> dimensions, List<Value> values) {
        List<Map<String, String>> definitions = values.stream().map(v -> {
            Map<String, String> definition = new LinkedHashMap<>();
            definition.put("Name", v.name());
            definition.put("Unit", v.unit().name());
            return definition;
        }).toList();
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.copyOf(dimensions.keySet())));
        directive.put("Metrics", definitions);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", epochMillis, "CloudWatchMetrics", List.of(directive)));
        line.putAll(dimensions);
        for (Value v : values) {
            line.put(v.name(), v.unit() == Unit.Count ? (Object) (long) v.value() : v.value());
        }
        return Json.write(line);
    }

    private static Map<String, String> dimensions(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1] == null ? "unknown" : keyValues[i + 1]);
        }
        return map;
    }
}
