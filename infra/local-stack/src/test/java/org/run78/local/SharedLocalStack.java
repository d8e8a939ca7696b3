package org.run78.local;

/**
 * The whole local stack on template.yaml, in-process on a free port, shared by the test JVM
 * (started on first use with its own moto_server, stopped at exit). End-to-end test classes
 * call {@link #reset()} first: empty tables and queues, cold functions, a forgetful WeChat,
 * the clock at real now.
 */
public final class SharedLocalStack {
    private SharedLocalStack() {
    }

    private static final class Running {
        static final LocalStack STACK = start();

        private static LocalStack start() {
            LocalStack.Options options = LocalStack.Options.defaults().withEnvironment(SharedMoto.TEST_PARAMETER_ENVIRONMENT);
            if (!System.getProperty(SharedMoto.EXTERNAL_ENDPOINT, "").isBlank()) {
                options = options.withMoto(SharedMoto.endpoint()); // the localstack profile's emulator
            }
            LocalStack stack = LocalStack.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-local-stack-stop"));
            return stack;
        }
    }

    public static LocalStack get() {
        return Running.STACK;
    }

    public static LocalStack reset() {
        LocalStack stack = get();
        stack.reset();
        return stack;
    }
}
