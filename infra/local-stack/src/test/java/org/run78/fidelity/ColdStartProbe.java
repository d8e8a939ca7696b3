package org.run78.fidelity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Run in a fresh JVM on the sam-built layout alone (SamBuildReplayTest): builds a handler with its
 * no-argument constructor, as Lambda's runtime does, and invokes it twice on a sample event.
 * Prints "init=<ms from JVM start> first=<ms> second=<ms> answer=<first answer>". Uses nothing but
 * the handler's class path, so it measures what a cold start without SnapStart would pay.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        long initialized = System.currentTimeMillis();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, null);
        long firstDone = System.currentTimeMillis();
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        long secondDone = System.currentTimeMillis();
        String answer = first.toString(java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("PROBE init=" + (initialized - jvmStart) + " first=" + (firstDone - initialized)
                + " second=" + (secondDone - firstDone) + " answer=" + answer.substring(0, Math.min(120, answer.length())));
    }
}
