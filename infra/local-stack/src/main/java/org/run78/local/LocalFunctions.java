package org.run78.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.run78.app.Config;
import org.run78.app.Services;

/** Builds each function's handler the way its Lambda container would, with the local environment. */
final class LocalFunctions {
    private static final int LAMBDA_DEFAULT_TIMEOUT = 3;
    private static final int LAMBDA_DEFAULT_MEMORY = 128;

    private LocalFunctions() {
    }

    static Map<String, LocalFunction> build(SamTemplate template, Intrinsics intrinsics, URI motoEndpoint, Clock clock) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (ServerlessFunction definition : template.functions()) {
            functions.put(definition.logicalId(), build(definition, intrinsics, motoEndpoint, clock));
        }
        return functions;
    }

    static Map<String, String> environment(ServerlessFunction definition, Intrinsics intrinsics, URI motoEndpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        definition.environmentVariables().forEach((name, value) -> {
            String resolved = intrinsics.resolveString(value, definition.logicalId() + " environment variable " + name);
            if (resolved != null) {
                env.put(name, resolved);
            }
        });
        env.put("AWS_REGION", Intrinsics.REGION);
        env.put("AWS_DEFAULT_REGION", Intrinsics.REGION);
        env.put("AWS_ENDPOINT_URL", motoEndpoint.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        return env;
    }

    private static LocalFunction build(ServerlessFunction definition, Intrinsics intrinsics, URI motoEndpoint, Clock clock) {
        String name = definition.logicalId();
        int timeout = integer(definition, "Timeout", intrinsics, LAMBDA_DEFAULT_TIMEOUT);
        int memory = integer(definition, "MemorySize", intrinsics, LAMBDA_DEFAULT_MEMORY);
        String className = definition.handlerClassName();
        Config config = new Config(environment(definition, intrinsics, motoEndpoint)); // a template error stops the start
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " does not implement RequestStreamHandler");
            }
            Services services = Services.create(config, clock);
            RequestStreamHandler handler = (RequestStreamHandler) type.getConstructor(Services.class).newInstance(services);
            return new LocalFunction(name, timeout, memory, handler, null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            System.out.println("local stack: " + name + " cannot be built (" + className + "): " + cause
                    + "; its invocations will fail, as on Lambda after a failed init");
            return new LocalFunction(name, timeout, memory, null, cause);
        }
    }

    private static int integer(ServerlessFunction definition, String property, Intrinsics intrinsics, int fallback) {
        String value = intrinsics.resolveString(definition.properties().get(property), definition.logicalId() + "." + property);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
