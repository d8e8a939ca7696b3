package org.run78.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One function's handler instance, kept warm and shared by concurrent invocations, like a Lambda container. */
public final class LocalFunction {
    /** The handler's output, or what it threw. */
    public record Invocation(byte[] output, Throwable error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final String name;
    private final int timeoutSeconds;
    private final int memoryMb;
    private final RequestStreamHandler handler;
    private final Throwable initError;

    LocalFunction(String name, int timeoutSeconds, int memoryMb, RequestStreamHandler handler, Throwable initError) {
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
        this.handler = handler;
        this.initError = initError;
    }

    public String name() {
        return name;
    }

    public boolean initialized() {
        return initError == null;
    }

    public Invocation invoke(byte[] event) {
        if (initError != null) {
            // What Lambda does when a function's init failed: every invocation fails.
            return new Invocation(new byte[0], initError);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, new LocalContext(name, timeoutSeconds, memoryMb));
            return new Invocation(output.toByteArray(), null);
        } catch (Throwable e) {
            System.out.println("[" + name + "] invocation failed: " + stackTrace(e));
            return new Invocation(output.toByteArray(), e);
        }
    }

    static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString().stripTrailing();
    }
}
