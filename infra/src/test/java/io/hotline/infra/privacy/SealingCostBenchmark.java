package io.hotline.infra.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hotline.infra.eventstore.EventStoreConfiguration;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * What sealing a citizen costs per event, serialising and deserialising a registration the way the log does, with
 * the caller's key cached (a key is read from the store once per caller per cache period). Part of the benchmark
 * harness ({@code -Pbench}), not of the normal suite: speed is measured, never asserted in a unit test. Plain and
 * sealed run in alternating rounds and the best round of each counts, so shared cores add less noise.
 */
class SealingCostBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SealingCostBenchmark.class);

    @Test
    void sealingCostPerEvent() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            CitizenKeys keys = new CitizenKeys(client.getDatabase("hotline"),
                    MasterSecret.of(CryptoShreddingTest.SECRET), new KeyCache(Duration.ofMinutes(1), 100));
            Serializer plain = EventStoreConfiguration.jsonSerializer();
            Serializer sealing = EventStoreConfiguration.jsonSerializer(
                    EventStoreConfiguration.storageObjectMapper(new PersonalDataModule(keys)));
            CaseRegistered event = new CaseRegistered("case-cost", "20261123-000001", "call-cost", Channel.HOTLINE,
                    Category.COMPLAINT, Urgency.NORMAL, "路灯不亮", "小区门口路灯坏了三天", CryptoShreddingTest.ZHANG,
                    "370602", CryptoShreddingTest.OPERATOR, Instant.parse("2026-11-23T01:00:00Z"));
            roundTrips(plain, event, 10_000);
            roundTrips(sealing, event, 10_000);
            double plainMicros = Double.MAX_VALUE;
            double sealedMicros = Double.MAX_VALUE;
            for (int round = 0; round < 8; round++) {
                plainMicros = Math.min(plainMicros, roundTrips(plain, event, 4_000));
                sealedMicros = Math.min(sealedMicros, roundTrips(sealing, event, 4_000));
            }
            log.info("Per registration event (serialise + deserialise, best of 8 rounds): plain {} µs, sealed {} µs, "
                            + "sealing adds {} µs", String.format("%.1f", plainMicros),
                    String.format("%.1f", sealedMicros), String.format("%.1f", sealedMicros - plainMicros));
        } finally {
            server.shutdown();
        }
    }

    private static double roundTrips(Serializer serializer, CaseRegistered event, int times) {
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            CaseRegistered read = serializer.deserialize(stored);
            if (!read.citizen().equals(event.citizen())) {
                throw new AssertionError("round trip changed the citizen");
            }
        }
        return (System.nanoTime() - started) / 1_000.0 / times;
    }
}
