package io.hotline.query.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One read of the log shared by the processors of read models rebuilt together (see {@link RebuildConvoys}).
 * A reader thread reads the log once, in order, into a window of at most {@code capacity} events; each
 * processor's stream (a {@link Member}) takes the window's events in the same order at its own pace. The events
 * are the same objects for every member, so a payload one processor has deserialised is not deserialised again
 * by the next (Axon's lazy payloads keep the result).
 * <p>
 * A full window drops only events every member has taken, and only when a member wants more, so a processor whose
 * rebuild starts a moment after the others still finds its first events there. No member runs more than a window
 * ahead of another: a rebuild ends with its slowest read model anyway, and those that skip most events no longer
 * read the log on their own far ahead of it. A member that takes nothing for {@code patience} while the window is
 * full (a processor hung on its store) is left behind: it goes on alone on a stream of its own from its last token.
 * At the head of the log the window keeps only what a member still needs.
 * <p>
 * A failing read of the log ends the convoy: each member gets the failure on its next call, after the events read
 * before it, as a processor's own stream would give it; the processor then opens a new stream, which joins a new
 * convoy.
 */
final class RebuildConvoy {

    private static final Logger log = LoggerFactory.getLogger(RebuildConvoy.class);
    private static final AtomicInteger NUMBER = new AtomicInteger();
    /** How long the reader waits for the log before it looks again at its members. */
    private static final int POLL_MILLIS = 200;
    /** The most events the reader moves into the window at once (it holds the lock while it does). */
    private static final int CHUNK = 256;

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TrackingToken start;
    private final long patienceNanos;
    private final Consumer<RebuildConvoy> onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final TrackedEventMessage<?>[] window;
    private final Set<Member> members = new HashSet<>();
    /** The sequence number (counted from the convoy's start) of the window's oldest event. */
    private long oldest;
    private int size;
    /** The token of the event just before the window's oldest: where a joining member may start at the earliest. */
    private TrackingToken before;
    private RuntimeException failure;
    private boolean ended;

    RebuildConvoy(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken start, int capacity,
                  Duration patience, Consumer<RebuildConvoy> onEnd) {
        this.source = source;
        this.start = start;
        this.before = start;
        this.patienceNanos = patience.toNanos();
        this.onEnd = onEnd;
        this.window = new TrackedEventMessage<?>[capacity];
    }

    /** Starts reading the log after the start token, for the first member. */
    Member begin() {
        Member first = join(start).orElseThrow();
        Thread reader = new Thread(this::read, "rebuild-convoy-" + NUMBER.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
        return first;
    }

    /**
     * A stream of the events after {@code token}, if the window still holds them all (or reaches up to them):
     * empty when the convoy has ended or has dropped some of them.
     */
    Optional<Member> join(TrackingToken token) {
        long after = RebuildConvoys.position(token);
        lock.lock();
        try {
            long last = size == 0 ? RebuildConvoys.position(before) : positionOf(oldest + size - 1);
            if (ended || after < RebuildConvoys.position(before) || after > last) {
                return Optional.empty();
            }
            long next = oldest;
            while (next < oldest + size && positionOf(next) <= after) {
                next++;
            }
            Member member = new Member(next, token);
            members.add(member);
            return Optional.of(member);
        } finally {
            lock.unlock();
        }
    }

    private long positionOf(long sequence) {
        return RebuildConvoys.position(at(sequence).trackingToken());
    }

    private TrackedEventMessage<?> at(long sequence) {
        return window[(int) (sequence % window.length)];
    }

    /** The reader thread: the log into the window, waiting for room, until no member is left. */
    private void read() {
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        RuntimeException cause = null;
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            int free;
            while ((free = waitForRoom()) > 0) {
                if (!stream.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    atHead();
                    continue;
                }
                while (chunk.size() < Math.min(free, CHUNK) && stream.hasNextAvailable()) {
                    chunk.add(stream.nextAvailable());
                }
                append(chunk);
                chunk.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause = new IllegalStateException("the shared read of the log was interrupted", e);
        } catch (RuntimeException e) {
            log.warn("The shared read of the log for the rebuilding read models failed; its processors read again", e);
            cause = e;
        } finally {
            append(chunk); // what was read before a failure is handed out before it
            end(cause);
        }
    }

    /**
     * Free places in the window once there are some; 0 when no member is left (the convoy ends). A full window
     * drops events only when a member has taken all it holds, and only what every member has taken; a member
     * that keeps it full for {@code patience} while another waits is left behind.
     */
    private int waitForRoom() throws InterruptedException {
        lock.lock();
        try {
            long waitingFor = -1;
            long deadline = 0;
            while (true) {
                if (members.isEmpty()) {
                    ended = true;
                    return 0;
                }
                if (size < window.length) {
                    return window.length - size;
                }
                if (fastest() < oldest + size) {
                    room.await(); // the window holds what each member needs next; it says when it wants more
                    continue;
                }
                if (drop(Math.min(slowest(), oldest + window.length / 4)) > 0) {
                    return window.length - size;
                }
                if (waitingFor != oldest) { // the slowest member has not taken the oldest event yet
                    waitingFor = oldest;
                    deadline = System.nanoTime() + patienceNanos;
                }
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    room.awaitNanos(left);
                } else {
                    leaveBehind(oldest);
                    waitingFor = -1;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void append(List<TrackedEventMessage<?>> events) {
        lock.lock();
        try {
            for (TrackedEventMessage<?> event : events) {
                window[(int) ((oldest + size) % window.length)] = event;
                size++;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Nothing more in the log for now: keep only what a member still needs. */
    private void atHead() {
        lock.lock();
        try {
            drop(slowest());
        } finally {
            lock.unlock();
        }
    }

    /** Drops the events before sequence {@code upTo}; how many. Call with the lock held. */
    private int drop(long upTo) {
        int dropped = 0;
        while (oldest < upTo && size > 0) {
            before = at(oldest).trackingToken();
            window[(int) (oldest % window.length)] = null;
            oldest++;
            size--;
            dropped++;
        }
        return dropped;
    }

    /** The sequence number the slowest member takes next (the window's end when there is none). */
    private long slowest() {
        long slowest = oldest + size;
        for (Member member : members) {
            slowest = Math.min(slowest, member.next);
        }
        return slowest;
    }

    /** The sequence number the fastest member takes next. */
    private long fastest() {
        long fastest = oldest;
        for (Member member : members) {
            fastest = Math.max(fastest, member.next);
        }
        return fastest;
    }

    /** Leaves the members that still need event {@code sequence} to read on their own. */
    private void leaveBehind(long sequence) {
        log.warn("A rebuilding processor took nothing from the shared read of the log for {} s; it reads on its own "
                + "from now on", TimeUnit.NANOSECONDS.toSeconds(patienceNanos));
        members.forEach(member -> member.leftBehind |= member.next == sequence);
        members.removeIf(member -> member.leftBehind);
        arrived.signalAll();
    }

    /** The reader is done: the members still there get {@code cause} on their next call (null: none is left). */
    private void end(RuntimeException cause) {
        lock.lock();
        try {
            failure = cause;
            ended = true;
            members.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        onEnd.accept(this);
    }

    /**
     * One processor's stream: the convoy's events after its token, or, once left behind, a stream of its own
     * from the last event it took.
     */
    final class Member implements BlockingStream<TrackedEventMessage<?>> {

        private long next;
        private TrackingToken last;
        private boolean leftBehind;
        private boolean closed;
        private BlockingStream<TrackedEventMessage<?>> own;

        private Member(long next, TrackingToken last) {
            this.next = next;
            this.last = last;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            BlockingStream<TrackedEventMessage<?>> alone = alone();
            if (alone != null) {
                return alone.peek();
            }
            lock.lock();
            try {
                return available() ? Optional.of(at(next)) : Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            BlockingStream<TrackedEventMessage<?>> alone = alone();
            if (alone != null) {
                return alone.hasNextAvailable(timeout, unit);
            }
            long left = unit.toNanos(timeout);
            lock.lock();
            try {
                while (!available()) {
                    if (leftBehind || left <= 0) {
                        break;
                    }
                    left = arrived.awaitNanos(left);
                }
                if (!leftBehind) {
                    return available();
                }
            } finally {
                lock.unlock();
            }
            // left behind while waiting: go on alone
            return hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                BlockingStream<TrackedEventMessage<?>> alone = alone();
                if (alone != null) {
                    TrackedEventMessage<?> event = alone.nextAvailable();
                    last = event.trackingToken();
                    return event;
                }
                lock.lock();
                try {
                    if (available()) {
                        TrackedEventMessage<?> event = at(next);
                        next++;
                        last = event.trackingToken();
                        if (size == window.length) {
                            room.signal(); // it may have been the slowest: the reader may drop what it took
                        }
                        return event;
                    }
                    if (!leftBehind) {
                        arrived.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }

        /**
         * Whether the window holds this member's next event; when it does not, the reader is told this member
         * wants more (a full window makes room only then), and a failed read is thrown: after the events read
         * before it, as a stream of its own would. Call with the lock held.
         */
        private boolean available() {
            if (next < oldest + size) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            room.signal();
            return false;
        }

        @Override
        public void close() {
            BlockingStream<TrackedEventMessage<?>> alone;
            lock.lock();
            try {
                closed = true;
                members.remove(this);
                room.signal();
                alone = own;
            } finally {
                lock.unlock();
            }
            if (alone != null) {
                alone.close();
            }
        }

        /** Its own stream once left behind (opened at the first call after), else null. */
        private BlockingStream<TrackedEventMessage<?>> alone() {
            lock.lock();
            try {
                if (!leftBehind || closed) {
                    return null;
                }
                if (own == null) {
                    own = source.openStream(last);
                }
                return own;
            } finally {
                lock.unlock();
            }
        }
    }
}
