package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The main class as infra/local-api runs it: a JVM of its own, stopped by a signal. */
class LocalStackMainTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Process process;
    private Thread reader;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void main_prints_ready_on_its_port_serves_and_stops_on_sigterm_without_leaving_a_process_behind() throws Exception {
        int port = startMain();
        assertTrue(lines.contains("ADMIN_TOKEN is not set: the admin token is the dev default "
                + LocalParameters.DEV_ADMIN_TOKEN));
        LocalHttp.Answer clock = LocalHttp.get(URI.create("http://127.0.0.1:" + port + "/_local/clock"));
        assertEquals(200, clock.status());
        assertTrue(clock.json().get("now").asText().startsWith("2019-06-25T08:0"), "LOCAL_CLOCK is the start: " + clock.body());
        List<ProcessHandle> children = process.descendants().toList();
        assertFalse(children.isEmpty(), "moto_server runs as a child process");

        // SIGTERM runs the shutdown hook as Ctrl-C does (Process.destroy() would also close our end of its output).
        process.toHandle().destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exits");
        reader.join(10_000);
        assertEquals(143, process.exitValue(), String.join("\n", lines));
        assertTrue(lines.contains("local stack stopped"), String.join("\n", lines));
        Eventually.await("moto and its wrapper gone", Duration.ofSeconds(30),
                () -> children.stream().noneMatch(LocalStackMainTest::running));
    }

    @Test
    void moto_server_does_not_outlive_a_jvm_killed_with_sigkill() throws Exception {
        startMain();
        List<ProcessHandle> children = process.descendants().toList();
        assertFalse(children.isEmpty());
        process.toHandle().destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        Eventually.await("moto and its wrapper gone", Duration.ofSeconds(30),
                () -> children.stream().noneMatch(LocalStackMainTest::running));
    }

    @Test
    void a_stack_started_by_a_process_that_dies_stops_itself() throws Exception {
        startMain();
        List<ProcessHandle> children = process.descendants().toList();
        process.getOutputStream().close(); // what the death of this JVM would do to the stack's stdin
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exits");
        reader.join(10_000);
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertTrue(lines.contains("local stack stopped"), String.join("\n", lines));
        Eventually.await("moto and its wrapper gone", Duration.ofSeconds(30),
                () -> children.stream().noneMatch(LocalStackMainTest::running));
    }

    private int startMain() throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), LocalStack.class.getName())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("ADMIN_TOKEN");
        env.put("PORT", String.valueOf(port));
        env.put("LOCAL_STACK_TEMPLATE", TestStacks.template("minimal.yaml").toString());
        env.put("LOCAL_CLOCK", "2019-06-25T08:00:00+08:00");
        env.put("LOCAL_STACK_STOP_ON_STDIN_EOF", "1"); // so that it stops even if this test JVM is killed
        process = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        reader.start();
        String ready = "ready on http://127.0.0.1:" + port;
        Eventually.await("the ready line", Duration.ofMinutes(3), () -> lines.contains(ready) || !process.isAlive());
        assertTrue(lines.contains(ready), "output was:\n" + String.join("\n", lines));
        return port;
    }

    /** Alive and not a zombie (in a container, PID 1 may never reap an orphan). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
