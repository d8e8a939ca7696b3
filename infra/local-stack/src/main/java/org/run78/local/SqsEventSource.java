package org.run78.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A function's Type: SQS event: the event source mapping Lambda would create for it. */
record SqsEventSource(String functionName, ProvisionedResources.Queue queue, int batchSize,
                      int batchingWindowSeconds, boolean reportBatchItemFailures, int concurrency) {
    // Lambda starts with five concurrent pollers; two keep concurrency real without loading moto.
    static final int LOCAL_DEFAULT_CONCURRENCY = 2;

    static List<SqsEventSource> from(SamTemplate template, Intrinsics intrinsics, ProvisionedResources resources) {
        List<SqsEventSource> sources = new ArrayList<>();
        for (ServerlessFunction function : template.functions()) {
            for (ServerlessFunction.Event event : function.events()) {
                if (!event.type().equals("SQS")) {
                    continue;
                }
                String where = function.logicalId() + ".Events." + event.name();
                Map<String, Object> p = Maps.of(intrinsics.resolve(event.properties()), where);
                if ("false".equals(String.valueOf(p.get("Enabled")))) {
                    continue;
                }
                String arn = String.valueOf(p.get("Queue"));
                ProvisionedResources.Queue queue = resources.queueByArn(arn).orElseThrow(() ->
                        new IllegalArgumentException(where + ": Queue " + arn + " is not a queue of the template"));
                List<Object> responseTypes = Maps.list(p.get("FunctionResponseTypes"), where + ".FunctionResponseTypes");
                Map<String, Object> scaling = Maps.of(p.get("ScalingConfig"), where + ".ScalingConfig");
                sources.add(new SqsEventSource(function.logicalId(), queue,
                        integer(p.get("BatchSize"), 10),
                        integer(p.get("MaximumBatchingWindowInSeconds"), 0),
                        responseTypes.contains("ReportBatchItemFailures"),
                        integer(scaling.get("MaximumConcurrency"), LOCAL_DEFAULT_CONCURRENCY)));
            }
        }
        return sources;
    }

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }
}
