package io.hotline.infra.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: with no MongoDB URI configured, the app starts an in-process MongoDB-wire-compatible
 * server (mongo-java-server) whose H2 file backend keeps the data under {@code app.data-dir} (default
 * {@code ./data}), so they survive a restart. With {@code spring.data.mongodb.uri} (or {@code MONGODB_URI})
 * set, none of this starts and the app talks to that MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(@Value("${app.data-dir:./data}") Path dataDir,
                                @Value("${app.embedded-mongo.port:0}") int port,
                                @Value("${app.embedded-mongo.database:hotline}") String database,
                                @Value("${app.embedded-mongo.cache-mb:0}") int cacheMb,
                                @Value("${app.embedded-mongo.serialized-keys:true}") boolean serializedKeys) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("hotline.mv").toAbsolutePath();
        // durable through the group commit of the writers that need it (EmbeddedMongo.flush), not per command
        H2Backend backend = new DurableH2Backend(StoreFile.open(file, cacheMb), DurableH2Backend.Durability.NONE,
                serializedKeys);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
        log.info("Embedded MongoDB-compatible store serving {} with its data in {}", uri, file);
        return new EmbeddedMongo(server, backend, new ConnectionString(uri));
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo embeddedMongo) {
        return embeddedMongo::connectionString;
    }

    /** The running embedded server; flushing it makes everything written so far survive a crash. */
    public record EmbeddedMongo(MongoServer server, H2Backend backend, ConnectionString connectionString,
                                GroupCommit commits) implements AutoCloseable {

        public EmbeddedMongo(MongoServer server, H2Backend backend, ConnectionString connectionString) {
            this(server, backend, connectionString, new GroupCommit(backend::commit));
        }

        /** Returns once everything written before the call is in the data file (commits shared by writers). */
        public void flush() {
            commits.awaitDurable();
        }

        @Override
        public void close() {
            server.shutdown();
        }
    }
}
