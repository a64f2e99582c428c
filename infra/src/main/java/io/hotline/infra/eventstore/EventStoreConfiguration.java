package io.hotline.infra.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import io.hotline.infra.mongo.EmbeddedMongoConfiguration.EmbeddedMongo;
import io.hotline.infra.privacy.CitizenKeys;
import io.hotline.infra.privacy.PersonalDataModule;
import io.hotline.infra.privacy.StoredPayloads;
import io.hotline.infra.processing.ProcessingProperties;
import io.hotline.query.audit.log.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Axon's storage, all in MongoDB: events in {@link MongoCommitLogStorageEngine}, tracking tokens and sagas in
 * the Mongo extension's stores. Everything is serialised as JSON (Jackson), so the stored events are readable.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * The serialiser's own mapper, not the web one: stored events must keep deserialising after fields are
     * added or dropped, so unknown properties are ignored here while the HTTP edge rejects them. The extra
     * modules shape what is stored: {@link PersonalDataModule} seals every citizen under their own key.
     */
    public static ObjectMapper storageObjectMapper(Module... modules) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Module module : modules) {
            mapper.registerModule(module);
        }
        return mapper;
    }

    /** A storage serialiser without sealing: reads what was stored in plain form; for tests of the log itself. */
    public static JacksonSerializer jsonSerializer() {
        return jsonSerializer(storageObjectMapper());
    }

    /** The stored payloads of the log in {@code database}, for tests of what reads them. */
    public static StoredPayloads storedPayloadsIn(MongoDatabase database) {
        return new CommitLogPayloads(CommitLog.in(database));
    }

    public static JacksonSerializer jsonSerializer(ObjectMapper mapper) {
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    /** Tokens, sagas and snapshots: a snapshot of a case holds its citizen, so it is sealed like an event. */
    @Bean
    @Primary
    Serializer serializer(CitizenKeys citizenKeys) {
        return jsonSerializer(storageObjectMapper(new PersonalDataModule(citizenKeys)));
    }

    /** The event log: every citizen in a payload is sealed under their key (crypto-shredding). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(CitizenKeys citizenKeys) {
        return jsonSerializer(storageObjectMapper(new PersonalDataModule(citizenKeys)));
    }

    /**
     * Messages between handlers in this process are never stored, so they are not sealed (sealing would make a
     * key for a citizen no event holds).
     */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jsonSerializer();
    }

    /**
     * Where commits are written. A bean of its own so that the failure tests can decorate it (a writer that
     * stalls between taking a position and storing there); production writes straight into the collection.
     */
    @Bean
    CommitWrites commitWrites(MongoDatabaseFactory mongo) {
        return CommitLog.plainWrites(mongo.getMongoDatabase());
    }

    @Bean
    CommitLog commitLog(MongoDatabaseFactory mongo, CommitWrites commitWrites) {
        CommitLog log = new CommitLog(mongo.getMongoDatabase(), commitWrites);
        log.ensureIndexes();
        return log;
    }

    @Bean
    EventStorageEngine eventStorageEngine(CommitLog commitLog,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer,
                                          List<EventUpcaster> upcasters,
                                          ObjectProvider<EmbeddedMongo> embedded) {
        EmbeddedMongo embeddedMongo = embedded.getIfAvailable();
        return MongoCommitLogStorageEngine.builder()
                .commitLog(commitLog)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .makeDurable(embeddedMongo == null ? () -> { } : embeddedMongo::flush)
                .build();
    }

    /**
     * Axon's embedded event store as its auto-configuration makes it, except that a case loaded for a command fails
     * closed when its record lost events ({@link FailClosedEventStore}).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  MeterRegistry meters) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class));
        Function<String, Optional<Long>> lastAcknowledged = storageEngine instanceof MongoCommitLogStorageEngine engine
                ? engine::lastAcknowledgedSequenceNumber : caseId -> Optional.empty();
        return new FailClosedEventStore(builder, lastAcknowledged, meters);
    }

    /** The log as the auditors' tools read it (their port, declared on the query side). */
    @Bean
    EventLog auditedEventLog(EventStore eventStore, CommitLog commitLog) {
        return new AuditedEventLog(eventStore, commitLog);
    }

    /** Stored payloads for crypto-shredding, read through the log's layout. */
    @Bean
    StoredPayloads storedPayloads(CommitLog commitLog) {
        return new CommitLogPayloads(commitLog);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory mongo) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongo.getMongoDatabase())
                .trackingTokensCollectionName("tracking_tokens")
                .sagasCollectionName("sagas")
                .build();
    }

    /**
     * Tracking tokens with their claims: a node renews its claims while it works; a claim not renewed for
     * {@code app.processing.claim-timeout} (10 s) is taken over by another node, which is how a dead node's
     * segments move on. The owner written into each token is {@code app.processing.node-name}.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, ProcessingProperties processing) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(processing.claimTimeout())
                .nodeId(processing.node())
                .ensureIndexes(true)
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** Keeps recently used cases in memory so a command rarely reloads a case's events. */
    @Bean
    Cache caseCache() {
        return new WeakReferenceCache();
    }
}
