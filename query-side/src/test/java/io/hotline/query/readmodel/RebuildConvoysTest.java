package io.hotline.query.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The processors of read models rebuilt together read the log once between them, each at its own pace within
 * the window, every event in order exactly once, whether it joined at the start, a moment later, or read on its
 * own after it was left behind or the shared read failed.
 */
class RebuildConvoysTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CountingLog log = new CountingLog(store);
    private final List<BlockingStream<?>> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(BlockingStream::close);
        store.shutDown();
    }

    @Test
    void readModelsRebuiltTogetherReadTheLogOnce() throws Exception {
        append(0, 1_000);
        RebuildConvoys convoys = new RebuildConvoys(log, 64, Duration.ofSeconds(30));
        List<BlockingStream<TrackedEventMessage<?>>> streams = List.of(
                stream(convoys, null), stream(convoys, null), stream(convoys, null));

        List<CompletableFuture<List<String>>> reads = streams.stream()
                .map(stream -> CompletableFuture.supplyAsync(() -> take(stream, 1_000))).toList();

        for (CompletableFuture<List<String>> read : reads) {
            assertThat(read.get(20, TimeUnit.SECONDS)).containsExactlyElementsOf(names(0, 1_000));
        }
        assertThat(log.opened).hasValue(1);
        assertThat(log.delivered).hasValue(1_000);
    }

    @Test
    void aRebuildStartedAMomentLaterJoinsWhileTheWindowStillHoldsItsFirstEvents() {
        append(0, 200);
        RebuildConvoys convoys = new RebuildConvoys(log, 64, Duration.ofSeconds(30));
        BlockingStream<TrackedEventMessage<?>> first = stream(convoys, null);
        assertThat(take(first, 20)).containsExactlyElementsOf(names(0, 20));

        BlockingStream<TrackedEventMessage<?>> later = stream(convoys, null);
        TrackingToken tenth = tokenOf(9);
        BlockingStream<TrackedEventMessage<?>> fromTheTenth = stream(convoys, tenth);

        // each at its own pace, side by side (none may run more than a window ahead of another)
        CompletableFuture<List<String>> laterRead = CompletableFuture.supplyAsync(() -> take(later, 200));
        CompletableFuture<List<String>> tenthRead = CompletableFuture.supplyAsync(() -> take(fromTheTenth, 190));
        assertThat(take(first, 180)).containsExactlyElementsOf(names(20, 200));
        assertThat(laterRead.join()).containsExactlyElementsOf(names(0, 200));
        assertThat(tenthRead.join()).containsExactlyElementsOf(names(10, 200));
        assertThat(log.opened).as("one read of the log").hasValue(1);
        assertThat(convoys.running()).isEqualTo(1);
    }

    @Test
    void aRebuildWhoseFirstEventsTheWindowHasDroppedStartsAReadOfItsOwn() {
        append(0, 100);
        RebuildConvoys convoys = new RebuildConvoys(log, 16, Duration.ofSeconds(30));
        BlockingStream<TrackedEventMessage<?>> ahead = stream(convoys, null);
        assertThat(take(ahead, 60)).containsExactlyElementsOf(names(0, 60));

        BlockingStream<TrackedEventMessage<?>> behind = stream(convoys, null);

        assertThat(take(behind, 100)).containsExactlyElementsOf(names(0, 100));
        assertThat(take(ahead, 40)).containsExactlyElementsOf(names(60, 100));
        assertThat(log.opened).hasValue(2);
    }

    @Test
    void theFastestRunsAtMostAWindowAheadOfTheSlowest() throws Exception {
        append(0, 200);
        RebuildConvoys convoys = new RebuildConvoys(log, 32, Duration.ofSeconds(30));
        BlockingStream<TrackedEventMessage<?>> slow = stream(convoys, null);
        BlockingStream<TrackedEventMessage<?>> fast = stream(convoys, null);

        assertThat(takeWhileAvailable(fast)).as("the window's worth").containsExactlyElementsOf(names(0, 32));
        assertThat(take(slow, 16)).containsExactlyElementsOf(names(0, 16));
        // the window drops only what the slowest has taken: the fastest is never more than a window ahead of it
        assertThat(takeWhileAvailable(fast)).containsExactlyElementsOf(names(32, 48));
        CompletableFuture<List<String>> fastRead = CompletableFuture.supplyAsync(() -> take(fast, 152));
        assertThat(take(slow, 184)).containsExactlyElementsOf(names(16, 200));
        assertThat(fastRead.join()).containsExactlyElementsOf(names(48, 200));
        assertThat(log.opened).hasValue(1);
    }

    @Test
    void aProcessorThatTakesNothingWhileTheWindowIsFullIsLeftBehindAndGoesOnAlone() {
        append(0, 100);
        RebuildConvoys convoys = new RebuildConvoys(log, 16, Duration.ofMillis(300));
        BlockingStream<TrackedEventMessage<?>> hung = stream(convoys, null);
        BlockingStream<TrackedEventMessage<?>> others = stream(convoys, null);
        assertThat(take(hung, 3)).containsExactlyElementsOf(names(0, 3));

        assertThat(take(others, 100)).as("after the patience, without it").containsExactlyElementsOf(names(0, 100));
        assertThat(take(hung, 97)).as("from its last event, on a read of its own")
                .containsExactlyElementsOf(names(3, 100));
        assertThat(log.opened).hasValue(2);
    }

    @Test
    void aFailingReadReachesEveryProcessorAndTheirNextStreamsReadAgain() {
        append(0, 50);
        log.failAfter(20);
        RebuildConvoys convoys = new RebuildConvoys(log, 64, Duration.ofSeconds(30));
        BlockingStream<TrackedEventMessage<?>> one = stream(convoys, null);
        BlockingStream<TrackedEventMessage<?>> two = stream(convoys, null);

        // each gets what was read before the failure, then the failure
        assertThat(take(one, 20)).containsExactlyElementsOf(names(0, 20));
        assertThatThrownBy(() -> take(one, 1)).hasMessageContaining("the store went away");
        assertThat(take(two, 20)).containsExactlyElementsOf(names(0, 20));
        assertThatThrownBy(() -> two.hasNextAvailable(5, TimeUnit.SECONDS)).hasMessageContaining("the store went away");
        one.close();
        two.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> convoys.running() == 0);

        // what a processor does after a failure: a new stream from its last stored token
        BlockingStream<TrackedEventMessage<?>> again = stream(convoys, tokenOf(19));
        BlockingStream<TrackedEventMessage<?>> fromStart = stream(convoys, null);
        assertThat(take(again, 30)).containsExactlyElementsOf(names(20, 50));
        assertThat(take(fromStart, 50)).containsExactlyElementsOf(names(0, 50));
    }

    @Test
    void atTheHeadOfTheLogTheyFollowNewEventsAndTheLastToLeaveEndsTheRead() {
        append(0, 10);
        RebuildConvoys convoys = new RebuildConvoys(log, 64, Duration.ofSeconds(30));
        BlockingStream<TrackedEventMessage<?>> one = stream(convoys, null);
        BlockingStream<TrackedEventMessage<?>> two = stream(convoys, null);
        assertThat(take(one, 10)).containsExactlyElementsOf(names(0, 10));
        assertThat(take(two, 10)).containsExactlyElementsOf(names(0, 10));

        append(10, 15);
        assertThat(take(one, 5)).containsExactlyElementsOf(names(10, 15));
        assertThat(take(two, 5)).containsExactlyElementsOf(names(10, 15));
        // at the head the window keeps only what one of them still needs: a read from the start is a new one
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            BlockingStream<TrackedEventMessage<?>> probe = convoys.openStream(null);
            try {
                assertThat(convoys.running()).isEqualTo(2);
            } finally {
                probe.close();
            }
        });

        one.close();
        two.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> convoys.running() == 0);
    }

    private BlockingStream<TrackedEventMessage<?>> stream(RebuildConvoys convoys, TrackingToken token) {
        BlockingStream<TrackedEventMessage<?>> stream = convoys.openStream(token);
        open.add(stream);
        return stream;
    }

    private void append(int from, int to) {
        IntStream.range(from, to).forEach(i -> store.publish(GenericEventMessage.asEventMessage("event-" + i)));
    }

    private TrackingToken tokenOf(int position) {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            for (int i = 0; i < position; i++) {
                stream.nextAvailable();
            }
            return stream.nextAvailable().trackingToken();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "event-" + i).toList();
    }

    /** The next {@code count} events' payloads, waiting up to 10 s for each. */
    private static List<String> take(BlockingStream<TrackedEventMessage<?>> stream, int count) {
        List<String> taken = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("no event " + i + " within 10 s; had " + taken);
                }
                taken.add((String) stream.nextAvailable().getPayload());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return taken;
    }

    /** What the stream has until it has nothing more within half a second. */
    private static List<String> takeWhileAvailable(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<String> taken = new ArrayList<>();
        while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
            taken.add((String) stream.nextAvailable().getPayload());
        }
        return taken;
    }

    /** The log, counting the streams opened on it and the events it delivered; it can fail once, on demand. */
    private static final class CountingLog implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final StreamableMessageSource<TrackedEventMessage<?>> log;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();
        private volatile int failAfter = -1;

        CountingLog(StreamableMessageSource<TrackedEventMessage<?>> log) {
            this.log = log;
        }

        void failAfter(int events) {
            failAfter = events;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            opened.incrementAndGet();
            BlockingStream<TrackedEventMessage<?>> stream = log.openStream(token);
            int failing = failAfter;
            failAfter = -1;
            AtomicInteger read = new AtomicInteger();
            return new BlockingStream<>() {
                @Override
                public java.util.Optional<TrackedEventMessage<?>> peek() {
                    return stream.peek();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (failing >= 0 && read.get() >= failing) {
                        throw new IllegalStateException("the store went away");
                    }
                    return stream.hasNextAvailable(timeout, unit);
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    read.incrementAndGet();
                    delivered.incrementAndGet();
                    return stream.nextAvailable();
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return log.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return log.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return log.createTokenAt(dateTime);
        }
    }
}
