package org.run78.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The local API Gateway: routes requests to functions by the template's HttpApi events. */
final class Gateway implements AutoCloseable {
    private static final String LOCAL_PREFIX = "/_local/";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, LocalEndpoint> localEndpoints = new LinkedHashMap<>();
    private volatile Supplier<Deployment> deployment;
    private volatile Clock clock;

    /** Binds the port at once (so its number is known before the functions are built), serves after start(). */
    Gateway(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger threads = new AtomicInteger();
        // Unbounded on purpose: a function may call the WeChat simulator on this same server.
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves "/_local/{name}" and everything under it. */
    void addLocalEndpoint(String name, LocalEndpoint endpoint) {
        localEndpoints.put(LOCAL_PREFIX + name, endpoint);
    }

    void start(Supplier<Deployment> deployment, Clock clock) {
        this.deployment = deployment;
        this.clock = clock;
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String label = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        HttpAnswer answer;
        String target = "";
        try {
            HttpRequestData request = HttpRequestData.read(exchange);
            if (request.rawPath().startsWith(LOCAL_PREFIX)) {
                answer = local(request);
            } else {
                Optional<HttpRoutes.Match> match = deployment.get().routes().find(request.method(), request.rawPath());
                if (match.isEmpty()) {
                    answer = HttpAnswer.gatewayMessage(404, "Not Found");
                } else {
                    target = " -> " + match.get().route().functionName();
                    answer = invoke(request, match.get());
                }
            }
        } catch (Exception e) {
            System.out.println("local gateway: " + label + " failed: " + LocalFunction.stackTrace(e));
            answer = HttpApiResponses.internalServerError();
        }
        send(exchange, answer);
        if (!label.startsWith("GET " + LOCAL_PREFIX)) {
            System.out.printf("%s%s %d (%d ms)%n", label, target, answer.status(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private HttpAnswer local(HttpRequestData request) {
        for (Map.Entry<String, LocalEndpoint> endpoint : localEndpoints.entrySet()) {
            String prefix = endpoint.getKey();
            if (request.rawPath().equals(prefix) || request.rawPath().startsWith(prefix + "/")) {
                return endpoint.getValue().answer(request);
            }
        }
        return HttpAnswer.error(404, "NOT_FOUND", "no local call " + request.method() + " " + request.rawPath());
    }

    private HttpAnswer invoke(HttpRequestData request, HttpRoutes.Match match) {
        String requestId = HttpApiEvents.newRequestId();
        byte[] event = HttpApiEvents.build(request, match, requestId, clock.instant()).toString()
                .getBytes(StandardCharsets.UTF_8);
        LocalFunction function = deployment.get().function(match.route().functionName());
        LocalFunction.Invocation invocation = function.invoke(event);
        HttpAnswer answer = invocation.failed()
                ? HttpApiResponses.internalServerError()
                : HttpApiResponses.map(invocation.output(), function.name());
        return answer.withHeader("apigw-requestid", requestId);
    }

    private static void send(HttpExchange exchange, HttpAnswer answer) throws IOException {
        try (exchange) {
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
            boolean noBody = answer.body().length == 0 || answer.status() == 204 || answer.status() == 304
                    || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
