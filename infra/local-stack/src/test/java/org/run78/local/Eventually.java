package org.run78.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something asynchronous with a deadline, polling; never assumes how fast the machine is. */
public final class Eventually {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_DEADLINE, condition);
    }

    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** The first non-null value the supplier gives. */
    public static <T> T value(String what, Supplier<T> supplier) {
        Object[] found = new Object[1];
        await(what, () -> (found[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) found[0];
        return value;
    }
}
