package org.run78.testing;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Fails AWS SDK calls on purpose: the k-th call, or each call with some probability; either
 * before the request is sent (nothing happened) or after the service answered (it happened,
 * but the caller never hears so), the two ways a function can die between two calls.
 */
public final class FaultInjector implements ExecutionInterceptor {
    public enum When { BEFORE_SENDING, AFTER_APPLIED }

    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String operation, When when) {
            super("injected fault " + when + " " + operation);
        }
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile int failAt = -1;
    private volatile double probability;
    private volatile When when = When.BEFORE_SENDING;
    private final Random random = new Random(78);

    public void failCall(int k, When when) {
        this.calls.set(0);
        this.failAt = k;
        this.probability = 0;
        this.when = when;
    }

    public void failRandomly(double probability) {
        this.failAt = -1;
        this.probability = probability;
    }

    public void off() {
        failAt = -1;
        probability = 0;
    }

    public int calls() {
        return calls.get();
    }

    public int injected() {
        return injected.get();
    }

    private boolean shouldFail(int call) {
        if (call == failAt) {
            return true;
        }
        synchronized (random) {
            return probability > 0 && random.nextDouble() < probability;
        }
    }

    private When randomWhen() {
        synchronized (random) {
            return random.nextBoolean() ? When.BEFORE_SENDING : When.AFTER_APPLIED;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        int call = calls.incrementAndGet();
        if (!shouldFail(call)) {
            return;
        }
        When w = failAt == call ? when : randomWhen();
        String operation = context.request().getClass().getSimpleName();
        if (w == When.BEFORE_SENDING) {
            injected.incrementAndGet();
            throw new InjectedFault(operation, w);
        }
        attributes.putAttribute(FAIL_AFTER, operation);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(FAIL_AFTER);
        if (operation != null) {
            injected.incrementAndGet();
            throw new InjectedFault(operation, When.AFTER_APPLIED);
        }
    }

    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<String> FAIL_AFTER =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("run78.failAfter");
}
