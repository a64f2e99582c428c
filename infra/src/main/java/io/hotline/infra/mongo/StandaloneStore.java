package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import io.hotline.infra.mongo.DurableH2Backend.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar hotline.jar store [--port=27017] [--data-dir=./data] [--durability=commit|fsync]}: the
 * embedded MongoDB-compatible store on its own, as a server that several app nodes share on one machine
 * (start them with {@code MONGODB_URI=mongodb://127.0.0.1:PORT/hotline}).
 * <p>
 * Why a separate process: with the in-process store, the node that hosts it is the only one that can reach
 * the data, and its death takes the store down with it. A store process of its own outlives any node. It only
 * listens on 127.0.0.1: the embedded server has no authentication, so it is for nodes on the same machine (a
 * test bench, a small office); anything larger runs a MongoDB replica set.
 * <p>
 * Every acknowledged write is in the file before the reply ({@link DurableH2Backend}); SIGTERM (or Ctrl-C)
 * stops the server and closes the file cleanly. No Spring context is started: the store needs none.
 */
public final class StandaloneStore {

    private static final Logger log = LoggerFactory.getLogger(StandaloneStore.class);

    /** What the command line asks for. */
    record Settings(int port, Path dataDir, Durability durability, String database) {

        static Settings parse(String... args) {
            int port = 27017;
            Path dataDir = Path.of("./data");
            Durability durability = Durability.COMMIT;
            String database = "hotline";
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                String value = pair.length == 2 ? pair[1] : "";
                switch (pair[0]) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--durability" -> durability = Durability.parse(value);
                    case "--database" -> database = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg
                            + "; known: --port=27017 --data-dir=./data --durability=commit|fsync --database=hotline");
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
            }
            return new Settings(port, dataDir, durability, database);
        }
    }

    private final MongoServer server;
    private final String uri;

    private StandaloneStore(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Entry point from {@code HotlineApplication.main} when the first argument is {@code store}. */
    public static void main(String... args) {
        initialiseLogging();
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            log.error("Cannot start the store: {}", e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneStore store;
        try {
            store = start(settings);
        } catch (RuntimeException e) {
            log.error("Cannot start the store on port {} with its data in {}: {}", settings.port(),
                    settings.dataDir().toAbsolutePath(), e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.stop();
            stopped.countDown();
        }, "store-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens the data file and starts serving on 127.0.0.1; the caller owns {@link #stop()}. */
    static StandaloneStore start(Settings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir().toAbsolutePath(), e);
        }
        Path file = settings.dataDir().resolve("hotline.mv").toAbsolutePath();
        DurableH2Backend backend = new DurableH2Backend(StoreFile.open(file, 0), settings.durability());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", settings.port());
        } catch (Exception e) { // Netty rethrows a BindException (checked) undeclared: catch it all
            server.shutdownNow(); // or its event loops keep the process alive, and the file stays open
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + settings.database();
        log.info("Standalone store serving {} with its data in {} (durability {})", uri, file,
                settings.durability().name().toLowerCase());
        return new StandaloneStore(server, uri);
    }

    String uri() {
        return uri;
    }

    /** Stops accepting clients, closes the open ones and closes the data file (a final commit). */
    void stop() {
        log.info("Stopping the standalone store at {}", uri);
        server.shutdownNow();
        log.info("Standalone store stopped; its data file is closed");
    }

    /** The app's console format and levels, without a Spring context; the server's per-client chatter is off. */
    private static void initialiseLogging() {
        LoggingSystem logging = LoggingSystem.get(StandaloneStore.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        logging.setLogLevel("de.bwaldvogel.mongo", LogLevel.WARN);
        logging.setLogLevel("io.netty", LogLevel.WARN);
    }
}
