package io.hotline.query.audit.verify;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.hotline.kernel.common.Actor;
import io.hotline.query.audit.log.ChainBreak;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The whole-log verification as a background job: every case's hash chain, walked in log position order, which
 * on years of history takes long enough that nobody should wait on an HTTP request for it. One run at a time per
 * node; a start while one runs (here, or on another node that reported within the last
 * {@link #ALIVE} seconds) answers that run instead of starting a second.
 * <p>
 * Each run's progress is kept in {@code audit_verifications} (one document per run, updated at most once a
 * second and at the end), so whichever node a status request reaches can answer it, and a finished run's
 * verdict stays on record.
 */
@Component
class LogVerification implements DisposableBean {

    static final String COLLECTION = "audit_verifications";
    /** A running run not heard of for this long is taken for dead (its node stopped). */
    static final Duration ALIVE = Duration.ofSeconds(30);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    /** How long a read or write of a run's record may take (this runs off the event loop, so it may block). */
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LogVerification.class);

    /** Where a run stands. */
    public enum State {
        RUNNING,
        /** every chain holds */
        INTACT,
        /** a chain is broken: see firstBreak */
        BROKEN,
        /** the run itself failed (the store could not be read): see error */
        FAILED
    }

    /**
     * A run as reported.
     *
     * @param positionsDone      log positions checked so far
     * @param positionsTotal     the log's length when the run started
     * @param positionsPerSecond the pace so far
     * @param updatedAt          when the run last reported progress
     */
    public record Status(String runId, State state, long positionsDone, long positionsTotal, double positionsPerSecond,
                  Instant startedAt, Instant updatedAt, Instant finishedAt, String startedBy, ChainBreak firstBreak,
                  String error) {
    }

    /** The answer to a start: whether this call started a run, and the run now on. */
    public record Start(boolean started, Status run) {
    }

    private final ChainVerifier verifier;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-log-verification");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Status current;

    LogVerification(ChainVerifier verifier, ReactiveMongoTemplate mongo, Clock clock) {
        this.verifier = verifier;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Starts a run unless one is already going; answers the run either way. */
    synchronized Start start(Actor by) {
        Optional<Status> going = Optional.ofNullable(current).filter(run -> run.state() == State.RUNNING)
                .or(() -> latestStored().filter(run -> run.state() == State.RUNNING
                        && run.updatedAt().plus(ALIVE).isAfter(clock.instant())));
        if (going.isPresent()) {
            return new Start(false, going.get());
        }
        Instant now = clock.instant();
        Status run = new Status(UUID.randomUUID().toString(), State.RUNNING, 0, 0, 0, now, now, null, by.userId(),
                null, null);
        current = run;
        save(run);
        log.info("Verification of the whole event log {} started by {}", run.runId(), by.userId());
        worker.submit(() -> execute(run));
        return new Start(true, run);
    }

    /** This node's latest run, else the latest any node recorded; empty if none ever ran. */
    Optional<Status> status() {
        Status mine = current;
        return mine != null ? Optional.of(mine) : latestStored();
    }

    private void execute(Status started) {
        Instant[] lastSave = {clock.instant()};
        long startNanos = System.nanoTime();
        try {
            Optional<ChainBreak> broken = verifier.verifyLog((done, total) -> {
                Instant now = clock.instant();
                current = progressed(current, done, total, now, pace(done, startNanos));
                if (!now.isBefore(lastSave[0].plus(SAVE_EVERY))) {
                    save(current);
                    lastSave[0] = now;
                }
            });
            Status before = current;
            Instant now = clock.instant();
            long total = Math.max(before.positionsTotal(), before.positionsDone());
            current = new Status(before.runId(), broken.isPresent() ? State.BROKEN : State.INTACT,
                    broken.isPresent() ? before.positionsDone() : total, total,
                    pace(broken.isPresent() ? before.positionsDone() : total, startNanos),
                    before.startedAt(), now, now, before.startedBy(), broken.orElse(null), null);
            if (broken.isPresent()) {
                ChainBreak at = broken.get();
                log.warn("Verification {} found a broken chain: case {} event #{} ({}) at position {}: {}",
                        started.runId(), at.caseId(), at.sequenceNumber(), at.eventId(), at.position(), at.reason());
            } else {
                log.info("Verification {} done: all {} log positions intact", started.runId(), total);
            }
        } catch (RuntimeException e) {
            Status before = current;
            Instant now = clock.instant();
            current = new Status(before.runId(), State.FAILED, before.positionsDone(), before.positionsTotal(),
                    pace(before.positionsDone(), startNanos), before.startedAt(), now, now,
                    before.startedBy(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
            log.error("Verification {} failed", started.runId(), e);
        }
        save(current);
    }

    private static Status progressed(Status run, long done, long total, Instant now, double pace) {
        return new Status(run.runId(), State.RUNNING, done, total, pace, run.startedAt(), now, null,
                run.startedBy(), null, null);
    }

    /** Positions per second since {@code startNanos}, on the monotonic timer (the business clock may be pinned). */
    private static double pace(long done, long startNanos) {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        return Math.round(done / seconds * 10) / 10.0;
    }

    private void save(Status run) {
        try {
            mongo.getCollection(COLLECTION).flatMap(runs -> Mono.from(runs.replaceOne(Filters.eq("_id", run.runId()),
                    toDocument(run), new ReplaceOptions().upsert(true)))).block(STORE_WAIT);
        } catch (RuntimeException e) {
            log.warn("Could not record the progress of verification {}", run.runId(), e);
        }
    }

    private Optional<Status> latestStored() {
        Document latest = mongo.getCollection(COLLECTION)
                .flatMap(runs -> Mono.from(runs.find().sort(Sorts.descending("startedAt")).limit(1).first()))
                .block(STORE_WAIT);
        return Optional.ofNullable(latest).map(LogVerification::fromDocument);
    }

    private static Document toDocument(Status run) {
        ChainBreak at = run.firstBreak();
        return new Document("_id", run.runId())
                .append("state", run.state().name())
                .append("positionsDone", run.positionsDone())
                .append("positionsTotal", run.positionsTotal())
                .append("positionsPerSecond", run.positionsPerSecond())
                .append("startedAt", date(run.startedAt()))
                .append("updatedAt", date(run.updatedAt()))
                .append("finishedAt", date(run.finishedAt()))
                .append("startedBy", run.startedBy())
                .append("firstBreak", at == null ? null : new Document("caseId", at.caseId())
                        .append("sequenceNumber", at.sequenceNumber())
                        .append("eventId", at.eventId())
                        .append("position", at.position())
                        .append("reason", at.reason()))
                .append("error", run.error());
    }

    private static Status fromDocument(Document stored) {
        Document at = stored.get("firstBreak", Document.class);
        return new Status(stored.getString("_id"), State.valueOf(stored.getString("state")),
                number(stored, "positionsDone"), number(stored, "positionsTotal"),
                stored.get("positionsPerSecond", Number.class) == null ? 0
                        : stored.get("positionsPerSecond", Number.class).doubleValue(),
                instant(stored.getDate("startedAt")), instant(stored.getDate("updatedAt")),
                instant(stored.getDate("finishedAt")), stored.getString("startedBy"),
                at == null ? null : new ChainBreak(at.getString("caseId"), number(at, "sequenceNumber"),
                        at.getString("eventId"), number(at, "position"), at.getString("reason")),
                stored.getString("error"));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
