package io.hotline.infra.privacy;

import io.hotline.command.privacy.SealedPersonalData;
import io.hotline.kernel.citizen.QueryCodes;
import io.hotline.infra.mongo.EmbeddedMongoConfiguration.EmbeddedMongo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Wires crypto-shredding: the master secret, the citizen key store (whose {@link PersonalDataModule} the event
 * store's serialisers use, see {@code EventStoreConfiguration}), and the command side's erasure process's way to
 * them ({@link SealedPersonalData}).
 * <p>
 * The module is deliberately not a bean: Spring Boot adds every Jackson module bean to the web's mapper, and the
 * web must answer a revealed citizen in plain form, never as a sealed envelope.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacySettings.class)
public class PrivacyConfiguration {

    @Bean
    MasterSecret masterSecret(PrivacySettings settings, MongoDatabaseFactory mongo) {
        return MasterSecret.resolve(settings, mongo.getMongoDatabase());
    }

    @Bean
    CitizenKeys citizenKeys(PrivacySettings settings, MongoDatabaseFactory mongo, MasterSecret secret) {
        return new CitizenKeys(mongo.getMongoDatabase(), secret,
                new KeyCache(settings.keyCacheTtl(), settings.keyCacheSize()));
    }

    /** The citizens' query codes (查询码), derived from the master secret so no code is ever stored. */
    @Bean
    QueryCodes queryCodes(MasterSecret secret) {
        return new QueryCodes(secret.queryCodeKey());
    }

    @Bean
    StoredCitizens storedCitizens(StoredPayloads payloads, ObjectProvider<EmbeddedMongo> embedded) {
        StoredCitizens stored = new StoredCitizens(payloads);
        if (embedded.getIfAvailable() == null) {
            stored.ensureIndex(); // the embedded store uses unique indexes only; it scans
        }
        return stored;
    }

    @Bean
    SealedPersonalData sealedPersonalData(CitizenKeys keys, StoredCitizens stored) {
        return new CryptoShredding(keys, stored);
    }
}
