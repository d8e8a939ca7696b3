package org.run78.local;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Everything built from the template onto a fresh moto: resources, functions, routes, pollers, schedules. */
final class Deployment implements AutoCloseable {
    private static final Set<String> SIMULATED_EVENT_TYPES = Set.of("HttpApi", "SQS", "Schedule", "ScheduleV2");

    private final ProvisionedResources resources;
    private final Map<String, LocalFunction> functions;
    private final HttpRoutes routes;
    private final List<SqsPoller> pollers;
    private final Scheduler scheduler;

    private Deployment(ProvisionedResources resources, Map<String, LocalFunction> functions, HttpRoutes routes,
                       List<SqsPoller> pollers, Scheduler scheduler) {
        this.resources = resources;
        this.functions = functions;
        this.routes = routes;
        this.pollers = pollers;
        this.scheduler = scheduler;
    }

    static Deployment deploy(SamTemplate template, Map<String, String> parameters, Provisioner provisioner,
                             URI motoEndpoint, SqsClient sqs, Clock clock) {
        ProvisionedResources resources = provisioner.provision(template, parameters);
        Intrinsics intrinsics = new Intrinsics(template, parameters, resources);
        Map<String, LocalFunction> functions = LocalFunctions.build(template, intrinsics, motoEndpoint, clock);
        HttpRoutes routes = HttpRoutes.from(template, intrinsics);
        List<SqsPoller> pollers = new ArrayList<>();
        for (SqsEventSource source : SqsEventSource.from(template, intrinsics, resources)) {
            pollers.add(new SqsPoller(source, functions.get(source.functionName()), sqs));
        }
        warnAboutEventsNotSimulated(template);
        Scheduler scheduler = new Scheduler(Scheduler.targetsOf(template, intrinsics, clock.instant()), functions, clock);
        return new Deployment(resources, functions, routes, pollers, scheduler);
    }

    private static void warnAboutEventsNotSimulated(SamTemplate template) {
        for (ServerlessFunction function : template.functions()) {
            for (ServerlessFunction.Event event : function.events()) {
                if (!SIMULATED_EVENT_TYPES.contains(event.type())) {
                    System.out.println("local stack: " + function.logicalId() + " event " + event.name() + " (Type: "
                            + event.type() + ") is not simulated locally");
                }
            }
        }
    }

    void startBackgroundWork() {
        pollers.forEach(SqsPoller::start);
        scheduler.start();
    }

    ProvisionedResources resources() {
        return resources;
    }

    HttpRoutes routes() {
        return routes;
    }

    LocalFunction function(String name) {
        return functions.get(name);
    }

    Map<String, LocalFunction> functions() {
        return functions;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    List<SqsPoller> pollers() {
        return pollers;
    }

    @Override
    public void close() {
        pollers.forEach(SqsPoller::stop);
        scheduler.close();
        pollers.forEach(SqsPoller::close);
    }
}
