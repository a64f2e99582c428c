package io.hotline.infra.eventstore;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A slow writer, injected by the failure tests: every {@code every}-th commit stalls for {@code duration} after it
 * has been given its position and before it is stored there (a long GC pause, a saturated link). Only the first
 * attempt of a commit stalls; when it finds its position taken and tries further on, it goes straight ahead, as a
 * writer that has woken up would. Batches count as one commit.
 */
public final class StallingCommitWrites implements CommitWrites {

    private static final Logger log = LoggerFactory.getLogger(StallingCommitWrites.class);

    private final CommitWrites writes;
    private final int every;
    private final Duration duration;
    private final Consumer<Duration> stall;
    private final AtomicLong commits = new AtomicLong();
    /** The commit last written: a retry hands in the same document again (appends are serialised per node). */
    private Document lastAttempted;

    StallingCommitWrites(CommitWrites writes, int every, Duration duration, Consumer<Duration> stall) {
        if (every < 1) {
            throw new IllegalArgumentException("a stall needs every >= 1, not " + every);
        }
        this.writes = writes;
        this.every = every;
        this.duration = duration;
        this.stall = stall;
    }

    /** Stalls by sleeping. */
    public static CommitWrites around(CommitWrites writes, int every, Duration duration) {
        log.warn("Every {}th event append stalls for {} before storing: a slow writer for failure tests", every,
                duration);
        return new StallingCommitWrites(writes, every, duration, StallingCommitWrites::sleep);
    }

    @Override
    public void insertOne(Document commit) {
        if (commit != lastAttempted) {
            lastAttempted = commit;
            stallIfDue();
        }
        writes.insertOne(commit);
    }

    @Override
    public void insertMany(List<Document> batch) {
        lastAttempted = null;
        stallIfDue();
        writes.insertMany(batch);
    }

    private void stallIfDue() {
        if (commits.incrementAndGet() % every == 0) {
            stall.accept(duration);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
