package io.hotline.scaleout;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waits: every wait in the failure tests has a limit and says what it waited for. */
final class Waiting {

    private Waiting() {
    }

    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + limit + " waiting until " + what);
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * Probes until the answer satisfies {@code done} or {@code limit} passes, and returns the last answer either
     * way, so the caller's assertions report exactly what was still wrong.
     */
    static <T> T forSettled(Duration limit, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            answer = probe.get();
        }
        return answer;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
