package io.hotline.query.audit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** The audit tools read the event log with blocking calls: they run off the web's event loop. */
public final class BlockingReads {

    private BlockingReads() {
    }

    public static <T> Mono<T> of(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
