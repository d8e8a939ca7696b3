package org.run78.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A moto_server child process on a free loopback port, for the life of this object. */
public final class MotoServer implements AutoCloseable {
    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

    // The wrapper kills moto when its stdin reaches end of file, which happens when we close it
    // or when this JVM dies in any way (even kill -9): moto never outlives us. It also reaps
    // its children itself, since PID 1 in a container often does not.
    // It runs moto_server_fixed.py (moto with transactions isolated from other writes, and each
    // table backed up once per transaction) where python3 has moto, else moto_server as installed.
    private static final String WRAPPER = String.join("\n",
            "if python3 -c 'import moto.server' 2>/dev/null; then python3 \"$2\" -H 127.0.0.1 -p \"$1\" &",
            "else moto_server -H 127.0.0.1 -p \"$1\" & fi",
            "child=$!",
            "exec 3<&0",
            "{ read -r _ <&3; kill $child 2>/dev/null; } &",
            "reader=$!",
            "trap 'kill $child $reader 2>/dev/null; wait' EXIT",
            "trap 'exit 143' TERM INT HUP",
            "wait $child");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static MotoServer start() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may grab the free port first
            Path log = null;
            try {
                int port = freePort();
                log = Files.createTempFile("moto-" + port + "-", ".log");
                log.toFile().deleteOnExit();
                Process process = new ProcessBuilder("bash", "-c", WRAPPER, "moto-wrapper", String.valueOf(port),
                        fixedMotoScript().toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                MotoServer moto = new MotoServer(process, port, log);
                moto.awaitAnswering();
                return moto;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start moto_server (is it on PATH?)", e);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Path fixedMotoScript() throws IOException {
        Path script = Files.createTempFile("moto_server_fixed-", ".py");
        script.toFile().deleteOnExit();
        try (var in = MotoServer.class.getResourceAsStream("moto_server_fixed.py")) {
            if (in == null) {
                throw new IOException("moto_server_fixed.py is missing from the class path");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Drops every table, queue and item of the moto_server at {@code endpoint}: moto's own reset. */
    public static void reset(URI endpoint) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                EmulatorReset.deleteEverything(endpoint); // not moto: LocalStack, in the localstack profile
            } else if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) { // the wrapper ends as soon as moto does
                close();
                throw new IllegalStateException("moto_server exited at start:\n" + logTail());
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + STARTUP_DEADLINE + ":\n" + logTail());
    }

    @Override
    public void close() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush(); // closing it is the wrapper's signal to stop moto
        } catch (IOException ignored) {
            // the wrapper is gone already
        }
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The child processes (wrapper and moto), for tests that check nothing is left behind. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        return all;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
