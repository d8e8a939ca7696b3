package org.run78.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** Prints a function's log lines to stdout, prefixed with the function's name. */
final class StdoutLambdaLogger implements LambdaLogger {
    private final String prefix;

    StdoutLambdaLogger(String functionName) {
        this.prefix = "[" + functionName + "] ";
    }

    @Override
    public void log(String message) {
        System.out.println(prefix + message.stripTrailing());
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
