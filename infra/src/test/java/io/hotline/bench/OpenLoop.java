package io.hotline.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: request i is due at {@code start + i / rate} and is fired at that instant whether or not
 * the earlier ones have been answered, and its latency runs from that due instant, not from when it was sent. A
 * closed loop (a fixed number of clients each waiting for its answer) sends less when the system slows down and so
 * hides the wait a caller would see (coordinated omission); here a slow system builds a queue, and the queue shows
 * in the latency. A request due while {@code cap} requests are already in flight is not sent and counts as an
 * error: the schedule never waits for the system.
 */
final class OpenLoop {

    /** Fires the request due at {@code dueNanos}; completes with true on success. A null future: nothing to send. */
    interface Request {
        CompletableFuture<Boolean> fire(long dueNanos);
    }

    /**
     * One rate's figures. Achieved: successful answers per second over the schedule, or longer when the last answer
     * came after it (a backlog is paid for). Errors: refused or failed answers, requests not sent because the
     * in-flight cap was reached, and requests still unanswered when the drain ended.
     */
    record Result(int offered, double achieved, Latencies latencies, long due, long skipped, long failed, long overCap,
                  long unanswered) {

        long errors() {
            return failed + overCap + unanswered;
        }
    }

    private OpenLoop() {
    }

    static Result run(int rate, Duration duration, int cap, Duration drain, Request request) {
        Latencies latencies = new Latencies();
        AtomicInteger inFlight = new AtomicInteger();
        LongAdder failed = new LongAdder();
        LongAdder skipped = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        long overCap = 0;
        long due = duration.toSeconds() * rate;
        long start = System.nanoTime() + 10_000_000;
        for (long i = 0; i < due; i++) {
            long at = start + i * 1_000_000_000L / rate;
            for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= cap) {
                overCap++;
                continue;
            }
            CompletableFuture<Boolean> answer;
            try {
                answer = request.fire(at);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            if (answer == null) {
                skipped.increment();
                continue;
            }
            inFlight.incrementAndGet();
            answer.whenComplete((success, failure) -> {
                if (failure == null && Boolean.TRUE.equals(success)) {
                    latencies.record(at);
                } else {
                    failed.increment();
                }
                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                inFlight.decrementAndGet();
            });
        }
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(5_000_000);
        }
        double seconds = (Math.max(start + duration.toNanos(), lastAnswer.get()) - start) / 1e9;
        Latencies answered = latencies.frozen();
        return new Result(rate, answered.count() / seconds, answered, due, skipped.sum(), failed.sum(), overCap,
                inFlight.get());
    }
}
