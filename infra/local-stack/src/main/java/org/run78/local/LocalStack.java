package org.run78.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stack: moto_server, the template's tables and queues, its functions behind a local
 * API gateway, the SQS pollers and schedules, the WeChat simulator and the simulated clock.
 * Run it with {@code infra/local-api}, or in-process with {@link #start(Options)}.
 */
public final class LocalStack implements AutoCloseable {
    private static final String DEFAULT_WECHAT_APP_ID = "wx0000000000000000";

    /**
     * How to start. {@code port} 0 takes a free port; {@code clockStart} null means real now;
     * {@code moto} null starts a moto_server of our own (else that one is used, and reset, but not stopped);
     * {@code environment} supplies ADMIN_TOKEN, TOKEN_SECRET, WECHAT_APP_SECRET, CAMPAIGN_FILE.
     */
    public record Options(int port, Path template, Instant clockStart, URI moto, Map<String, String> environment,
                          boolean backgroundWork) {
        public Options {
            environment = Map.copyOf(environment);
        }

        /** A free port, the project's template.yaml, real time, an own moto, an empty environment. */
        public static Options defaults() {
            return new Options(0, ProjectTemplate.find(), null, null, Map.of(), true);
        }

        static Options fromEnvironment(Map<String, String> env) {
            int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
            String clock = env.get("LOCAL_CLOCK");
            Instant start = clock == null || clock.isBlank() ? null : SimulatedClock.parse(clock);
            return new Options(port, ProjectTemplate.find(env), start, null, env, true);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, template, clockStart, moto, environment, backgroundWork);
        }

        public Options withTemplate(Path newTemplate) {
            return new Options(port, newTemplate, clockStart, moto, environment, backgroundWork);
        }

        public Options withClockStart(Instant newStart) {
            return new Options(port, template, newStart, moto, environment, backgroundWork);
        }

        public Options withMoto(URI endpoint) {
            return new Options(port, template, clockStart, endpoint, environment, backgroundWork);
        }

        public Options withEnvironment(Map<String, String> newEnvironment) {
            return new Options(port, template, clockStart, moto, newEnvironment, backgroundWork);
        }

        /** No SQS pollers or schedule ticks in the background: tests drive them by hand. */
        public Options withoutBackgroundWork() {
            return new Options(port, template, clockStart, moto, environment, false);
        }
    }

    private final Options options;
    private final SamTemplate template;
    private final SimulatedClock clock;
    private final Gateway gateway;
    private final CountDownLatch closed = new CountDownLatch(1);
    private MotoServer ownMoto;
    private URI motoEndpoint;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private SnsClient sns;
    private Map<String, String> parameters;
    private WeChatSimulator weChat;
    private volatile Deployment deployment;

    private LocalStack(Options options, SamTemplate template, SimulatedClock clock, Gateway gateway) {
        this.options = options;
        this.template = template;
        this.clock = clock;
        this.gateway = gateway;
    }

    public static LocalStack start(Options options) {
        AwsClients.useDummyCredentialsForThisJvm(); // before any function builds an SDK client
        SamTemplate template = SamTemplate.load(options.template());
        SimulatedClock clock = new SimulatedClock(options.clockStart() == null ? Instant.now() : options.clockStart());
        Gateway gateway;
        try {
            gateway = new Gateway(options.port());
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        LocalStack stack = new LocalStack(options, template, clock, gateway);
        try {
            stack.startParts(System.out);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startParts(PrintStream out) {
        if (options.moto() == null) {
            ownMoto = MotoServer.start();
            motoEndpoint = ownMoto.endpoint();
        } else {
            motoEndpoint = options.moto();
        }
        dynamoDb = AwsClients.dynamoDb(motoEndpoint);
        sqs = AwsClients.sqs(motoEndpoint);
        sns = AwsClients.sns(motoEndpoint);
        parameters = LocalParameters.resolve(template, options.environment(), gateway.port(), out);
        ZoneId zone = CampaignZone.of(parameters.getOrDefault("CampaignFile", LocalParameters.DEFAULT_CAMPAIGN_FILE));
        weChat = new WeChatSimulator(parameters.getOrDefault("WeChatAppId", DEFAULT_WECHAT_APP_ID),
                parameters.getOrDefault("WeChatAppSecret", LocalParameters.randomSecret()), clock, zone);
        deployment = deploy();
        gateway.addLocalEndpoint("wechat", new WeChatEndpoints(weChat));
        gateway.addLocalEndpoint("clock", new ClockEndpoint(clock, zone));
        gateway.start(() -> deployment, clock);
        if (options.backgroundWork()) {
            deployment.startBackgroundWork();
        }
        describe(out);
        out.println("ready on http://127.0.0.1:" + gateway.port());
        out.flush();
    }

    private Deployment deploy() {
        return Deployment.deploy(template, parameters, new Provisioner(dynamoDb, sqs, sns), motoEndpoint, sqs, clock);
    }

    private void describe(PrintStream out) {
        out.println("moto_server on " + motoEndpoint + " (tables: "
                + String.join(", ", deployment.resources().tables().stream().map(ProvisionedResources.Table::name).toList())
                + "; queues: "
                + String.join(", ", deployment.resources().queues().stream().map(ProvisionedResources.Queue::name).toList())
                + ")");
        deployment.routes().all().forEach(r -> out.println("  " + r.routeKey() + " -> " + r.functionName()));
        deployment.pollers().forEach(p -> out.println("  " + p.describe()));
        deployment.scheduler().targets().forEach(t -> out.println("  schedule " + t.eventName() + " -> " + t.functionName()));
    }

    public int port() {
        return gateway.port();
    }

    /** The URI of a path on the local API, e.g. {@code uri("/v1/leaderboard")}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public URI motoEndpoint() {
        return motoEndpoint;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public WeChatSimulator weChat() {
        return weChat;
    }

    /** The names, URLs and ARNs of the tables and queues created on moto. */
    public ProvisionedResources resources() {
        return deployment.resources();
    }

    public Scheduler scheduler() {
        return deployment.scheduler();
    }

    /** The admin token the functions were given (ADMIN_TOKEN, or the dev default). */
    public String adminToken() {
        return parameters.get("AdminToken");
    }

    /** The environment a function was built with (for tests of the local stack itself). */
    public Map<String, String> environmentOf(String functionLogicalId) {
        ServerlessFunction function = template.functions().stream()
                .filter(f -> f.logicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionLogicalId));
        return new LinkedHashMap<>(LocalFunctions.environment(function,
                new Intrinsics(template, parameters, deployment.resources()), motoEndpoint));
    }

    /** Polls every SQS event source once (for tests started withoutBackgroundWork); returns the messages handled. */
    public int pollQueuesOnce() {
        return deployment.pollers().stream().mapToInt(SqsPoller::pollOnce).sum();
    }

    /**
     * A clean slate: empty tables and queues (moto reset, template provisioned again), functions
     * built again (cold), the WeChat simulator forgotten, the clock back at its start option (or real now).
     */
    public synchronized void reset() {
        deployment.close();
        MotoServer.reset(motoEndpoint);
        weChat.reset();
        clock.set(options.clockStart() == null ? Instant.now() : options.clockStart());
        deployment = deploy();
        if (options.backgroundWork()) {
            deployment.startBackgroundWork();
        }
    }

    /** Blocks until close() ran (the main thread waits here; Ctrl-C runs close() from the shutdown hook). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        gateway.close();
        if (deployment != null) {
            deployment.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (ownMoto != null) {
            ownMoto.close();
        }
        closed.countDown();
    }

    public static void main(String[] args) throws InterruptedException {
        // Registered before anything starts, so that a Ctrl-C at any moment (even before "ready") stops what runs.
        AtomicReference<LocalStack> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack stack = running.get();
            if (stack != null) {
                stack.close();
                System.out.println("local stack stopped");
            }
        }, "local-stack-stop"));
        if ("1".equals(System.getenv("LOCAL_STACK_STOP_ON_STDIN_EOF"))) {
            stopWhenStdinCloses();
        }
        try {
            running.set(start(Options.fromEnvironment(System.getenv())));
        } catch (RuntimeException e) {
            System.err.println("local stack failed to start: " + LocalFunction.stackTrace(e));
            System.exit(1);
        }
        running.get().awaitClose();
    }

    /** For a parent process (a test) that may die without stopping us: its end of our stdin closes then. */
    private static void stopWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input; wait for end of file
                }
            } catch (IOException closed) {
                // same as end of file
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
