package io.hotline.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Axon's event storage engine over MongoDB, giving every event a dense, gap-free global position. A facade: each
 * concern has its own class over the one {@link CommitLog} (the layout and the allocation of positions):
 * {@link CommitAppender} seals and appends commits, {@link LogFollower} serves the tracking processors,
 * {@link CaseLoader} loads a case and its snapshot, {@link HashChain} checks the tamper evidence.
 */
public class MongoCommitLogStorageEngine extends BatchingEventStorageEngine {

    private final CommitLog log;
    private final CommitAppender appender;
    private final LogFollower follower;
    private final CaseLoader loader;
    private final HashChain chain;
    private final Runnable makeDurable;

    protected MongoCommitLogStorageEngine(Builder builder) {
        super(builder);
        this.log = builder.log != null ? builder.log : CommitLog.in(builder.database);
        this.appender = new CommitAppender(log);
        this.follower = new LogFollower(log);
        this.loader = new CaseLoader(log);
        this.chain = new HashChain(log);
        this.makeDurable = builder.makeDurable;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes this engine relies on; idempotent, run at start-up. */
    public void ensureIndexes() {
        log.ensureIndexes();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        appender.append(events, serializer, this::handlePersistenceException);
        // Only now may the caller be told "stored": flush what the store buffers (the embedded file backend).
        makeDurable.run();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return follower.after(lastToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return follower.headToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return follower.tokenAt(dateTime);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return loader.events(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return loader.lastSequenceNumber(aggregateIdentifier);
    }

    /**
     * The last sequence number the store acknowledged for the case (a lower bound: see {@link CaseHeads}); a load
     * that reads less has lost events.
     */
    public Optional<Long> lastAcknowledgedSequenceNumber(String caseId) {
        return log.caseHeads().lastAcknowledged(caseId);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        loader.storeSnapshot(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return loader.snapshot(aggregateIdentifier);
    }

    /**
     * One case's hash chain recomputed; empty when intact. For the log's own tests and tools: the auditors' tools
     * reach the chains through their port ({@code EventLog}), never through the engine.
     */
    public Optional<ChainBreak> verifyCase(String caseId) {
        return chain.verifyCase(caseId);
    }

    /** Every case's chain, in log order; {@code progress} gets (positions done, total). */
    public Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
        return chain.verifyLog(progress);
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private CommitLog log;
        private Runnable makeDurable = () -> {
        };

        Builder() {
            persistenceExceptionResolver(new AggregateCommitConflicts());
        }

        /** The database of a log with the standard layout and plain writes. */
        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** The log to store in, when it is shared with other readers of it (see the configuration). */
        Builder commitLog(CommitLog log) {
            this.log = log;
            return this;
        }

        /**
         * Called after events are stored and before the append returns: the embedded store flushes its file
         * here, so an acknowledged event survives a crash of the process. A real MongoDB needs nothing
         * (journaled, majority-acknowledged writes).
         */
        public Builder makeDurable(Runnable makeDurable) {
            this.makeDurable = makeDurable;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoCommitLogStorageEngine build() {
            if (database == null && log == null) {
                throw new AxonConfigurationException("a MongoDatabase is required");
            }
            return new MongoCommitLogStorageEngine(this);
        }
    }
}
