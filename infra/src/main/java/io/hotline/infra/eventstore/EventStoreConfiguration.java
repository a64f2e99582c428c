package io.hotline.infra.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hotline.infra.eventstore.MongoCommitLogStorageEngine.AppendPause;
import io.hotline.infra.mongo.EmbeddedMongoConfiguration.EmbeddedMongo;
import io.hotline.infra.processing.ProcessingProperties;
import io.hotline.infra.privacy.CitizenKeys;
import io.hotline.infra.privacy.PersonalDataModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Duration;
import java.util.List;

/**
 * Axon's storage, all in MongoDB: events in {@link MongoCommitLogStorageEngine}, tracking tokens and sagas in
 * the Mongo extension's stores. Everything is serialised as JSON (Jackson), so the stored events are readable.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

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

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabaseFactory mongo,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer,
                                          List<EventUpcaster> upcasters,
                                          ObjectProvider<EmbeddedMongo> embedded,
                                          @Value("${app.eventstore.stall-every:0}") int stallEvery,
                                          @Value("${app.eventstore.stall-for:PT0S}") Duration stallFor) {
        EmbeddedMongo embeddedMongo = embedded.getIfAvailable();
        MongoCommitLogStorageEngine engine = MongoCommitLogStorageEngine.builder()
                .database(mongo.getMongoDatabase())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .makeDurable(embeddedMongo == null ? () -> { } : embeddedMongo::flush)
                .appendPause(appendPause(stallEvery, stallFor))
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Off unless {@code app.eventstore.stall-every} is set: the failure tests make one node a slow writer that
     * stalls between picking a log position and storing there, to show that no reader skips its event.
     */
    static AppendPause appendPause(int stallEvery, Duration stallFor) {
        if (stallEvery <= 0 || stallFor.isZero() || stallFor.isNegative()) {
            return AppendPause.NONE;
        }
        log.warn("Every {}th event append stalls for {} before storing (app.eventstore.stall-*): for failure tests only",
                stallEvery, stallFor);
        return AppendPause.everyNth(stallEvery, stallFor);
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
