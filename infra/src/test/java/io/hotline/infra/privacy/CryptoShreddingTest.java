package io.hotline.infra.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hotline.infra.eventstore.EventStoreConfiguration;
import io.hotline.infra.eventstore.MongoCommitLogStorageEngine;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crypto-shredding in the log itself, without Spring: citizens are stored sealed under a key per person, read
 * back whole while the key exists and as erased once it is destroyed, while the stored bytes, and so the hash
 * chain, never change; citizens stored in plain form before sealing still read. (What sealing costs per event is
 * measured in the benchmark harness: {@code SealingCostBenchmark}.)
 */
class CryptoShreddingTest {

    static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    static final Citizen ZHANG = new Citizen("张三", "13800138000", "110101199003071234");
    static final Citizen LI = new Citizen("李四", "13900139000", null);
    static final byte[] SECRET = "a-master-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private MongoDatabase database;
    private CitizenKeys keys;
    private Serializer sealing;
    private MongoCommitLogStorageEngine engine;

    @BeforeEach
    void store() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        resources.add(server::shutdown);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        resources.add(client);
        database = client.getDatabase("hotline");
        keys = keys(Duration.ofMinutes(1));
        sealing = serializer(keys);
        engine = engine(sealing);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private CitizenKeys keys(Duration cacheTtl) {
        return new CitizenKeys(database, MasterSecret.of(SECRET), new KeyCache(cacheTtl, 100));
    }

    private static Serializer serializer(CitizenKeys keys) {
        return EventStoreConfiguration.jsonSerializer(
                EventStoreConfiguration.storageObjectMapper(new PersonalDataModule(keys)));
    }

    private MongoCommitLogStorageEngine engine(Serializer serializer) {
        MongoCommitLogStorageEngine built = MongoCommitLogStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        built.ensureIndexes();
        return built;
    }

    private static GenericDomainEventMessage<CaseRegistered> registration(String caseId, Citizen citizen) {
        return new GenericDomainEventMessage<>("Case", caseId, 0, registered(caseId, citizen));
    }

    private static CaseRegistered registered(String caseId, Citizen citizen) {
        return new CaseRegistered(caseId, "20261123-000001", "call-" + caseId, Channel.HOTLINE, Category.COMPLAINT,
                Urgency.NORMAL, "路灯不亮", "小区门口路灯坏了三天", citizen, "370602", OPERATOR,
                Instant.parse("2026-11-23T01:00:00Z"));
    }

    private Citizen citizenOf(MongoCommitLogStorageEngine reader, String caseId) {
        return ((CaseRegistered) reader.readEvents(caseId).next().getPayload()).citizen();
    }

    private List<String> storedJson() {
        List<String> stored = new ArrayList<>();
        database.getCollection("events").find().sort(new Document("_id", 1))
                .forEach(commit -> stored.add(commit.toJson()));
        return stored;
    }

    @Test
    void aCitizenIsStoredSealedAndReadsBackWhole() {
        engine.appendEvents(registration("case-a", ZHANG));

        String stored = String.join("\n", storedJson());
        assertThat(stored).doesNotContain("13800138000").doesNotContain("110101199003071234").doesNotContain("张三")
                .contains("\"kid\"").contains("路灯不亮");
        assertThat(citizenOf(engine, "case-a")).isEqualTo(ZHANG);
        assertThat(citizenOf(engine(serializer(keys(Duration.ZERO))), "case-a")).as("without a cache").isEqualTo(ZHANG);
    }

    @Test
    void anEmailFromAReportingAppIsSealedWithTheRestAndErasedWithThem() {
        Citizen reporter = new Citizen("Li Lei", "13900001111", null, "li.lei@example.org");
        engine.appendEvents(registration("case-e", reporter));
        engine.appendEvents(registration("case-f", ZHANG));

        assertThat(String.join("\n", storedJson())).doesNotContain("li.lei@example.org").doesNotContain("Li Lei");
        assertThat(citizenOf(engine(serializer(keys(Duration.ZERO))), "case-e")).isEqualTo(reporter);
        assertThat(citizenOf(engine(serializer(keys(Duration.ZERO))), "case-f")).as("no email: the first format")
                .isEqualTo(ZHANG);

        keys.destroy(keys.keyIdForPhone("13900001111").orElseThrow());
        assertThat(citizenOf(engine, "case-e")).isEqualTo(Citizen.erased());
    }

    @Test
    void oneCallerHasOneKeyHoweverTheNumberIsWritten() {
        engine.appendEvents(registration("case-a", ZHANG));
        engine.appendEvents(registration("case-b", new Citizen("张三", "+86 138-0013-8000", null)));
        engine.appendEvents(registration("case-c", LI));
        StoredCitizens stored = new StoredCitizens(database, "events");

        String zhang = keys.keyIdForPhone("13800138000").orElseThrow();
        assertThat(stored.casesSealedUnder(zhang)).containsExactlyInAnyOrder("case-a", "case-b");
        assertThat(stored.ofCase("case-a").orElseThrow().keyIds()).containsExactly(zhang);
        assertThat(stored.ofCase("case-c").orElseThrow().keyIds()).doesNotContain(zhang);
        assertThat(stored.ofCase("case-z")).isEmpty();
        assertThat(zhang).doesNotContain("13800138000");
    }

    @Test
    void afterTheKeyIsDestroyedTheCitizenReadsAsErasedAndTheStoredBytesAndChainAreUnchanged() {
        engine.appendEvents(registration("case-a", ZHANG));
        engine.appendEvents(registration("case-c", LI));
        CitizenKeys otherNode = keys(Duration.ofMinutes(1));
        MongoCommitLogStorageEngine otherReader = engine(serializer(otherNode));
        List<String> before = storedJson();

        assertThat(keys.destroy(keys.keyIdForPhone("13800138000").orElseThrow())).isTrue();

        assertThat(storedJson()).isEqualTo(before);
        assertThat(engine.verifyCase("case-a")).isEmpty();
        assertThat(citizenOf(engine, "case-a")).isEqualTo(Citizen.erased());
        assertThat(citizenOf(engine, "case-c")).isEqualTo(LI);
        assertThat(citizenOf(engine(serializer(keys(Duration.ofMinutes(1)))), "case-a")).isEqualTo(Citizen.erased());
        assertThat(otherReader.verifyCase("case-a")).isEmpty();
    }

    @Test
    void aCallerWhoComesBackAfterAnErasureGetsANewKeyThatOpensNothingOld() {
        engine.appendEvents(registration("case-a", ZHANG));
        keys.destroy(keys.keyIdForPhone("13800138000").orElseThrow());

        engine.appendEvents(registration("case-b", ZHANG));

        assertThat(citizenOf(engine, "case-b")).isEqualTo(ZHANG);
        assertThat(citizenOf(engine, "case-a")).isEqualTo(Citizen.erased());
        assertThat(citizenOf(engine(serializer(keys(Duration.ZERO))), "case-a")).isEqualTo(Citizen.erased());
    }

    @Test
    void citizensStoredInPlainFormBeforeSealingStillRead() {
        MongoCommitLogStorageEngine plainWriter = engine(EventStoreConfiguration.jsonSerializer());
        plainWriter.appendEvents(registration("case-old", ZHANG));

        assertThat(String.join("\n", storedJson())).contains("13800138000");
        assertThat(citizenOf(engine, "case-old")).isEqualTo(ZHANG);
        assertThat(new StoredCitizens(database, "events").ofCase("case-old").orElseThrow().plain()).isTrue();
    }

    @Test
    void anErasedPlaceholderIsStoredAsItIsWithoutAKey() {
        SerializedObject<String> placeholder = sealing.serialize(Citizen.erased(), String.class);

        assertThat(placeholder.getData()).isEqualTo("{\"name\":\"[已删除]\"}");
        assertThat((Citizen) sealing.deserialize(placeholder)).isEqualTo(Citizen.erased());
        assertThat(database.getCollection(CitizenKeys.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void alteredSealedBytesReadAsErasedWhileTheChainNamesTheChange() {
        SerializedObject<String> sealed = sealing.serialize(ZHANG, String.class);
        Document envelope = Document.parse(sealed.getData());
        String ct = envelope.getString("ct");
        envelope.put("ct", (ct.charAt(0) == 'A' ? "B" : "A") + ct.substring(1));

        Citizen read = sealing.deserialize(new SimpleSerializedObject<>(envelope.toJson(), String.class,
                new SimpleSerializedType(Citizen.class.getName(), null)));

        assertThat(read).isEqualTo(Citizen.erased());
    }

    @Test
    void aDifferentMasterSecretIsRefusedAtStart() {
        PrivacySettings generated = new PrivacySettings(null, Duration.ofMinutes(1), 100);
        MasterSecret.resolve(generated, database);
        MasterSecret.resolve(generated, database);

        PrivacySettings other = new PrivacySettings("another-secret-of-at-least-32-characters", Duration.ofMinutes(1),
                100);
        assertThatThrownBy(() -> MasterSecret.resolve(other, database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the one the stored citizen keys were made with");
        assertThatThrownBy(() -> new PrivacySettings("short", Duration.ofMinutes(1), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
